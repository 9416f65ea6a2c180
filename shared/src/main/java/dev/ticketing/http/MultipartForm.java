package dev.ticketing.http;

import dev.ticketing.error.ValidationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) into its parts. Accepts what common clients send: quoted or
 * bare parameter values ({@code name="files"} and .NET's {@code name=files}), {@code filename*=utf-8''...}
 * (RFC 5987, preferred over {@code filename}), raw UTF-8 in quoted names (browsers). Anything it cannot read is a
 * 400 naming {@code body} or {@code Content-Type}.
 */
public final class MultipartForm {

    public static final String MEDIA_TYPE = "multipart/form-data";
    public static final int MAX_PARTS = 50;
    /** RFC 2046: a boundary is 1 to 70 characters. */
    static final int MAX_BOUNDARY_LENGTH = 70;
    private static final int MAX_HEADER_BYTES = 8 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

    /** One part: {@code fileName} is null for a text field, {@code contentType} null when the part had none. */
    public record Part(String name, String fileName, String contentType, byte[] content) {
    }

    private MultipartForm() {
    }

    /** Whether a Content-Type header value names multipart/form-data, whatever its parameters. */
    public static boolean isMultipart(String contentType) {
        return contentType != null && mediaType(contentType).equals(MEDIA_TYPE);
    }

    public static List<Part> parse(String contentType, byte[] body) {
        byte[] delimiter = ("--" + boundary(contentType)).getBytes(StandardCharsets.ISO_8859_1);
        // Every boundary but the first is preceded by CRLF, which belongs to it, not to the part before.
        byte[] closing = new byte[delimiter.length + CRLF.length];
        System.arraycopy(CRLF, 0, closing, 0, CRLF.length);
        System.arraycopy(delimiter, 0, closing, CRLF.length, delimiter.length);
        int[] closingTable = failureTable(closing);
        int at = 0;
        if (!startsWith(body, 0, delimiter)) {
            // A preamble before the first boundary is allowed, and ignored.
            int found = indexOf(body, closing, closingTable, 0);
            at = found < 0 ? -1 : found + CRLF.length;
        }
        if (at < 0) {
            throw invalid("holds no part: its boundary never appears");
        }
        List<Part> parts = new ArrayList<>();
        int position = at + delimiter.length;
        while (true) {
            if (startsWith(body, position, new byte[] {'-', '-'})) {
                return parts;
            }
            // Transport padding (spaces, tabs) may follow a boundary before its line break.
            while (position < body.length && (body[position] == ' ' || body[position] == '\t')) {
                position++;
            }
            if (!startsWith(body, position, CRLF)) {
                throw invalid("is not valid multipart/form-data: a boundary line does not end with CRLF");
            }
            position += CRLF.length;
            int contentStart;
            Map<String, String> headers;
            if (startsWith(body, position, CRLF)) {
                headers = Map.of();
                contentStart = position + CRLF.length;
            } else {
                int headersEnd = indexOf(body, HEADERS_END, failureTable(HEADERS_END), position);
                if (headersEnd < 0 || headersEnd - position > MAX_HEADER_BYTES) {
                    throw invalid("is not valid multipart/form-data: part " + (parts.size() + 1)
                            + " has no end to its headers within " + MAX_HEADER_BYTES + " bytes");
                }
                headers = headers(new String(body, position, headersEnd - position, StandardCharsets.UTF_8));
                contentStart = headersEnd + HEADERS_END.length;
            }
            int next = indexOf(body, closing, closingTable, contentStart);
            if (next < 0) {
                throw invalid("is not valid multipart/form-data: part " + (parts.size() + 1)
                        + " is not closed by the boundary");
            }
            parts.add(part(headers, Arrays.copyOfRange(body, contentStart, next), parts.size() + 1));
            if (parts.size() > MAX_PARTS) {
                throw invalid("holds more than " + MAX_PARTS + " parts");
            }
            position = next + closing.length;
        }
    }

    private static Part part(Map<String, String> headers, byte[] content, int number) {
        String disposition = headers.get("content-disposition");
        if (disposition == null || !mediaType(disposition).equals("form-data")) {
            throw invalid("part " + number + " has no Content-Disposition: form-data header");
        }
        Map<String, String> parameters = parameters(disposition);
        String name = parameters.get("name");
        if (name == null || name.isEmpty()) {
            throw invalid("part " + number + " has no name in its Content-Disposition");
        }
        String fileName = Optional.ofNullable(parameters.get("filename*")).flatMap(MultipartForm::extendedValue)
                .orElse(parameters.get("filename"));
        String type = headers.get("content-type");
        return new Part(name, fileName, type == null || type.isBlank() ? null : type.strip(), content);
    }

    private static String boundary(String contentType) {
        String boundary = contentType == null ? null : parameters(contentType).get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH) {
            throw new ValidationException("Content-Type", "must be multipart/form-data with a boundary parameter of"
                    + " 1 to " + MAX_BOUNDARY_LENGTH + " characters");
        }
        return boundary;
    }

    /** Header names lower-cased; a header repeated keeps its last value. */
    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw invalid("is not valid multipart/form-data: a part has the header line '" + printable(line)
                        + "'");
            }
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        return headers;
    }

    /** The value before the first ';', lower-cased. */
    private static String mediaType(String value) {
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The {@code ;}-separated parameters after the first value, names lower-cased, quoted strings unquoted. */
    static Map<String, String> parameters(String value) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = value.indexOf(';');
        while (i >= 0 && i < value.length()) {
            i++;
            int equals = value.indexOf('=', i);
            int semicolon = value.indexOf(';', i);
            if (equals < 0 || (semicolon >= 0 && semicolon < equals)) {
                i = semicolon;
                continue;
            }
            String name = value.substring(i, equals).strip().toLowerCase(Locale.ROOT);
            int j = equals + 1;
            while (j < value.length() && (value.charAt(j) == ' ' || value.charAt(j) == '\t')) {
                j++;
            }
            StringBuilder text = new StringBuilder();
            if (j < value.length() && value.charAt(j) == '"') {
                j++;
                while (j < value.length() && value.charAt(j) != '"') {
                    if (value.charAt(j) == '\\' && j + 1 < value.length()) {
                        j++;
                    }
                    text.append(value.charAt(j++));
                }
                i = value.indexOf(';', j);
            } else {
                int end = semicolon < 0 ? value.length() : semicolon;
                text.append(value, j, end);
                i = semicolon;
            }
            parameters.putIfAbsent(name, name.endsWith("*") ? text.toString() : text.toString().strip());
        }
        return parameters;
    }

    /** RFC 5987 {@code charset'language'percent-encoded}; empty when it cannot be read. */
    static Optional<String> extendedValue(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return Optional.empty();
        }
        Charset charset;
        try {
            charset = Charset.forName(value.substring(0, first).strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String encoded = value.substring(second + 1);
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return Optional.of(new String(bytes.toByteArray(), charset));
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        if (at + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Knuth-Morris-Pratt: linear however the body and boundary are made, so no body can make the search slow. */
    private static int indexOf(byte[] body, byte[] pattern, int[] failure, int from) {
        int matched = 0;
        for (int i = Math.max(0, from); i < body.length; i++) {
            while (matched > 0 && body[i] != pattern[matched]) {
                matched = failure[matched - 1];
            }
            if (body[i] == pattern[matched]) {
                matched++;
            }
            if (matched == pattern.length) {
                return i - pattern.length + 1;
            }
        }
        return -1;
    }

    private static int[] failureTable(byte[] pattern) {
        int[] failure = new int[pattern.length];
        int k = 0;
        for (int i = 1; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) {
                k = failure[k - 1];
            }
            if (pattern[i] == pattern[k]) {
                k++;
            }
            failure[i] = k;
        }
        return failure;
    }

    private static String printable(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    private static ValidationException invalid(String message) {
        return new ValidationException("body", message);
    }
}
