package dev.ticketing.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ticketing.error.ValidationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartFormTest {

    private static final String TYPE = "multipart/form-data; boundary=XyZ123";

    @Test
    void parse_readsFilesAndFields_asBrowsersAndTheLiveClientSendThem() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0, (byte) 0xFF, '-', '-'};
        byte[] body = body(
                "preamble, ignored\r\n",
                "--XyZ123\r\n",
                "Content-Disposition: form-data; name=\"files\"; filename=\"shot.png\"\r\n",
                "Content-Type: image/png\r\n\r\n", png, "\r\n",
                "--XyZ123\r\n",
                // .NET's MultipartFormDataContent: bare name, and filename* besides filename.
                "Content-Disposition: form-data; name=files; filename=report.pdf;"
                        + " filename*=utf-8''r%C3%A9sum%C3%A9.pdf\r\n",
                "Content-Type: application/pdf\r\n\r\n", "%PDF", "\r\n",
                "--XyZ123\r\n",
                "Content-Disposition: form-data; name=\"comment\"\r\n\r\n", "two files\r\nover two lines", "\r\n",
                "--XyZ123\r\n",
                "Content-Disposition: form-data; name=\"isPrivate\"\r\n\r\n", "", "\r\n",
                "--XyZ123--\r\n", "epilogue");

        List<MultipartForm.Part> parts = MultipartForm.parse(TYPE, body);

        assertThat(parts).hasSize(4);
        assertThat(parts.get(0).name()).isEqualTo("files");
        assertThat(parts.get(0).fileName()).isEqualTo("shot.png");
        assertThat(parts.get(0).contentType()).isEqualTo("image/png");
        assertThat(parts.get(0).content()).containsExactly(png);
        assertThat(parts.get(1).fileName()).isEqualTo("résumé.pdf");
        assertThat(new String(parts.get(1).content(), StandardCharsets.UTF_8)).isEqualTo("%PDF");
        assertThat(parts.get(2).fileName()).isNull();
        assertThat(parts.get(2).contentType()).isNull();
        assertThat(new String(parts.get(2).content(), StandardCharsets.UTF_8)).isEqualTo("two files\r\nover two lines");
        assertThat(parts.get(3).content()).isEmpty();
    }

    @Test
    void parse_ofAQuotedBoundaryAndEscapedQuotes_unquotesThem() {
        byte[] body = body("--a b\r\n",
                "Content-Disposition: form-data; name=\"files\"; filename=\"x \\\"1\\\".txt\"\r\n",
                "\r\n", "x", "\r\n--a b--");

        List<MultipartForm.Part> parts = MultipartForm.parse("multipart/form-data; boundary=\"a b\"", body);

        assertThat(parts).singleElement().satisfies(p -> assertThat(p.fileName()).isEqualTo("x \"1\".txt"));
    }

    @Test
    void isMultipart_looksAtTheMediaTypeOnly() {
        assertThat(MultipartForm.isMultipart("Multipart/Form-Data; boundary=x")).isTrue();
        assertThat(MultipartForm.isMultipart("application/json")).isFalse();
        assertThat(MultipartForm.isMultipart(null)).isFalse();
    }

    @Test
    void parse_withoutABoundaryParameter_namesTheContentTypeHeader() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> MultipartForm.parse("multipart/form-data", body("--x\r\n")));

        assertThat(e.details().get(0).field()).isEqualTo("Content-Type");
    }

    @Test
    void parse_ofAPartNeverClosed_namesTheBody() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> MultipartForm.parse(TYPE,
                body("--XyZ123\r\n", "Content-Disposition: form-data; name=\"comment\"\r\n\r\n", "no end")));

        assertThat(e.details().get(0).field()).isEqualTo("body");
        assertThat(e.details().get(0).message()).contains("not closed");
    }

    @Test
    void parse_ofAPartWithoutAName_namesTheBody() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> MultipartForm.parse(TYPE,
                body("--XyZ123\r\n", "Content-Type: text/plain\r\n\r\n", "x", "\r\n--XyZ123--")));

        assertThat(e.details().get(0).message()).contains("Content-Disposition");
    }

    @Test
    void parse_ofABodyWithoutTheBoundary_namesTheBody() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> MultipartForm.parse(TYPE, body("{\"json\": true}")));

        assertThat(e.details().get(0).field()).isEqualTo("body");
    }

    @Test
    void parse_ofManyParts_stopsAtTheBound() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= MultipartForm.MAX_PARTS; i++) {
            text.append("--XyZ123\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nx\r\n");
        }
        text.append("--XyZ123--");

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> MultipartForm.parse(TYPE, body(text.toString())));

        assertThat(e.details().get(0).message()).contains("more than " + MultipartForm.MAX_PARTS + " parts");
    }

    @Test
    void parse_ofABodyMadeToDefeatANaiveSearch_endsQuickly() {
        byte[] dashes = new byte[4 * 1024 * 1024];
        Arrays.fill(dashes, (byte) '-');
        String boundary = "-".repeat(MultipartForm.MAX_BOUNDARY_LENGTH - 1) + "x";
        long start = System.nanoTime();

        catchThrowableOfType(ValidationException.class,
                () -> MultipartForm.parse("multipart/form-data; boundary=" + boundary, dashes));

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void extendedValue_decodesPercentEncodedBytesInTheNamedCharset() {
        assertThat(MultipartForm.extendedValue("UTF-8''%E2%82%AC%20rates.txt")).contains("€ rates.txt");
        assertThat(MultipartForm.extendedValue("iso-8859-1'en'%A3%20rates")).contains("£ rates");
        assertThat(MultipartForm.extendedValue("no-quotes")).isEmpty();
        assertThat(MultipartForm.extendedValue("UTF-8''%E2%8")).isEmpty();
    }

    private static byte[] body(Object... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object piece : pieces) {
            byte[] bytes = piece instanceof byte[] b ? b : piece.toString().getBytes(StandardCharsets.UTF_8);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
