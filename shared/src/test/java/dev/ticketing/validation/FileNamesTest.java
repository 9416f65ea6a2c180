package dev.ticketing.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void sanitise_keepsTheLastPathSegmentOnly() {
        assertThat(FileNames.sanitise("C:\\fakepath\\report.pdf")).contains("report.pdf");
        assertThat(FileNames.sanitise("../../etc/passwd.txt")).contains("passwd.txt");
    }

    @Test
    void sanitise_dropsControlAndInvisibleFormattingCharacters() {
        // U+202E (right-to-left override) would show this name as "invoice.exe" reversed into "exe.pdf".
        assertThat(FileNames.sanitise("in\u0000voice\u202Eexe.pdf")).contains("invoiceexe.pdf");
        assertThat(FileNames.sanitise("a\u200Bb\r\n.txt")).contains("ab.txt");
    }

    @Test
    void sanitise_replacesWhatWindowsForbids_andTrimsDotsAndSpaces() {
        assertThat(FileNames.sanitise("  ..what?  \"now\"  <really>.txt.  ")).contains("what_ _now_ _really_.txt");
    }

    @Test
    void sanitise_ofNothingLeft_isEmpty() {
        assertThat(FileNames.sanitise("../")).isEmpty();
        assertThat(FileNames.sanitise("\u0000\u202E")).isEmpty();
        assertThat(FileNames.sanitise("...")).isEmpty();
        assertThat(FileNames.sanitise(null)).isEmpty();
    }

    @Test
    void sanitise_keepsLettersOfEveryScript() {
        assertThat(FileNames.sanitise("Résumé – 履歴書.pdf")).contains("Résumé – 履歴書.pdf");
    }

    @Test
    void attachmentTypes_normaliseParametersAndCase_andRefuseTheUnlisted() {
        assertThat(AttachmentTypes.normalise("Text/Plain; charset=utf-8")).contains("text/plain");
        assertThat(AttachmentTypes.normalise("text/html")).isEmpty();
        assertThat(AttachmentTypes.normalise("image/svg+xml")).isEmpty();
        assertThat(AttachmentTypes.normalise("application/octet-stream")).isEmpty();
        assertThat(AttachmentTypes.matches("Shot.PNG", "image/png")).isTrue();
        assertThat(AttachmentTypes.matches("invoice.pdf.exe", "application/pdf")).isFalse();
        assertThat(AttachmentTypes.matches("README", "text/plain")).isFalse();
    }
}
