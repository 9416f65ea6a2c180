package dev.ticketing.validation;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Makes a file name sent by a client safe to store and to offer for download: the last path segment only (a
 * browser may send {@code C:\fakepath\report.pdf}), no control or invisible formatting characters (a right-to-left
 * override would show "exe.pdf" for "fdp.exe"), none of the characters Windows forbids in names, no leading dots
 * (hidden files) and no trailing dots or spaces; whitespace runs become one space.
 */
public final class FileNames {

    public static final int MAX_LENGTH = 255;

    private static final String FORBIDDEN = "<>:\"|?*";

    private FileNames() {
    }

    /** The sanitised name; empty when nothing is left of it. Its length is not checked here. */
    public static Optional<String> sanitise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder clean = new StringBuilder(name.length());
        boolean space = false;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (unwanted(c)) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = clean.length() > 0;
                continue;
            }
            if (space) {
                clean.append(' ');
                space = false;
            }
            clean.appendCodePoint(FORBIDDEN.indexOf(c) >= 0 ? '_' : c);
        }
        int start = 0;
        while (start < clean.length() && clean.charAt(start) == '.') {
            start++;
        }
        int end = clean.length();
        while (end > start && (clean.charAt(end - 1) == '.' || clean.charAt(end - 1) == ' ')) {
            end--;
        }
        String result = clean.substring(start, end).strip();
        return result.isEmpty() ? Optional.empty() : Optional.of(result);
    }

    /** Control, format (bidirectional overrides, zero-width), line and paragraph separators, lone surrogates. */
    private static boolean unwanted(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
    }
}
