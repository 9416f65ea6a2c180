package dev.ticketing.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The media types a file attachment may have, each with the file-name extensions it may carry. Anything else is
 * refused: no HTML, SVG or script (which a browser would run from the download), no executables, and no
 * {@code application/octet-stream}, which says nothing. A file's name must end with an extension of its type, so a
 * download is opened by the program its type implies (an "invoice.pdf.exe" sent as application/pdf is refused).
 */
public final class AttachmentTypes {

    private static final Map<String, List<String>> EXTENSIONS = extensions();

    private AttachmentTypes() {
    }

    private static Map<String, List<String>> extensions() {
        Map<String, List<String>> types = new LinkedHashMap<>();
        types.put("image/png", List.of("png"));
        types.put("image/jpeg", List.of("jpg", "jpeg"));
        types.put("image/gif", List.of("gif"));
        types.put("image/webp", List.of("webp"));
        types.put("image/bmp", List.of("bmp"));
        types.put("application/pdf", List.of("pdf"));
        types.put("text/plain", List.of("txt", "log"));
        types.put("text/csv", List.of("csv"));
        types.put("application/json", List.of("json"));
        types.put("application/xml", List.of("xml"));
        types.put("text/xml", List.of("xml"));
        types.put("application/zip", List.of("zip"));
        // What Windows browsers send for a .zip.
        types.put("application/x-zip-compressed", List.of("zip"));
        types.put("message/rfc822", List.of("eml"));
        types.put("application/vnd.ms-outlook", List.of("msg"));
        types.put("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"));
        types.put("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"));
        types.put("application/vnd.openxmlformats-officedocument.presentationml.presentation", List.of("pptx"));
        return Collections.unmodifiableMap(types);
    }

    /** Every allowed media type, in a stable order (docs/limits.md and docs/openapi.yaml list the same). */
    public static List<String> allowed() {
        return List.copyOf(EXTENSIONS.keySet());
    }

    /**
     * The allowed media type a {@code Content-Type} value names, lower-cased and without its parameters
     * ({@code text/plain; charset=utf-8} is {@code text/plain}); empty when it is not allowed.
     */
    public static Optional<String> normalise(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .toLowerCase(Locale.ROOT);
        return EXTENSIONS.containsKey(type) ? Optional.of(type) : Optional.empty();
    }

    /** The extensions (without the dot, lower case) a file of an allowed type may have. */
    public static List<String> extensions(String contentType) {
        return EXTENSIONS.getOrDefault(contentType, List.of());
    }

    /** Whether {@code fileName} ends with an extension of {@code contentType} (case-insensitive). */
    public static boolean matches(String fileName, String contentType) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && extensions(contentType).contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    public static boolean isImage(String contentType) {
        return contentType != null && contentType.startsWith("image/");
    }

    public static boolean isArchive(String contentType) {
        return "application/zip".equals(contentType) || "application/x-zip-compressed".equals(contentType);
    }
}
