package dev.ticketing.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.json.Json;
import dev.ticketing.json.JsonText;
import dev.ticketing.model.User;
import dev.ticketing.validation.AttachmentTypes;
import dev.ticketing.validation.Errors;
import dev.ticketing.validation.FieldReader;
import dev.ticketing.validation.Html;
import dev.ticketing.validation.FileNames;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads and validates the three bodies of {@code POST /tickets/{id}/attachments}, JSON links, an upload URL request
 * and an upload's completion, and the fields of a multipart upload. Every problem is reported, each naming its
 * field, before anything is stored.
 */
public final class AttachmentRequests {

    /** As many links as the live API's client sends at most in one call. */
    public static final int MAX_LINKS = 20;
    public static final int MAX_FILES = 10;
    /**
     * The files of one multipart request together. API Gateway passes the body base64-encoded (4 bytes for 3) in an
     * event that Lambda accepts up to 6 MB, so a body much above 4.5 MB never reaches the function.
     */
    public static final long MAX_MULTIPART_BYTES = 4L * 1024 * 1024;
    /** One file uploaded through an upload URL. */
    public static final long MAX_UPLOAD_BYTES = 100L * 1024 * 1024;
    public static final int MAX_SRC_LENGTH = 2048;
    public static final int MAX_CAPTION_LENGTH = 255;

    static final String UPLOAD = "upload";
    static final String UPLOAD_ID = "uploadId";
    static final String FILES = "files";
    private static final String COMMENT = "comment";
    private static final String COMMENT_HTML = "comment_HTML";
    private static final String IS_PRIVATE = "isPrivate";
    private static final String USER = "user";
    private static final String ATTACHMENTS = "attachments";

    private static final Set<String> LINK_FIELDS = ordered(ATTACHMENTS, COMMENT, COMMENT_HTML, IS_PRIVATE, USER);
    private static final Set<String> UPLOAD_REQUEST_FIELDS = ordered(UPLOAD, COMMENT, COMMENT_HTML, IS_PRIVATE,
            USER);
    private static final Set<String> UPLOAD_FIELDS = ordered("fileName", "contentType", "size");
    private static final Set<String> COMPLETION_FIELDS = ordered(UPLOAD_ID);
    private static final Set<String> MULTIPART_FIELDS = ordered(FILES, COMMENT, COMMENT_HTML, IS_PRIVATE, USER);
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private AttachmentRequests() {
    }

    /**
     * What every attachment activity says besides its attachments; {@code commentHtml} is the sanitised HTML the
     * live API's clients may send instead of (or beside) the comment, null without one.
     */
    record Common(String comment, String commentHtml, boolean isPrivate, User user) {
    }

    record Link(String src, String caption) {
    }

    record File(String fileName, String contentType, byte[] content) {
    }

    record NewLinks(List<Link> links, Common common) {
    }

    record NewFiles(List<File> files, Common common) {
    }

    record NewUpload(String fileName, String contentType, long size, Common common) {
    }

    /** Which of the JSON bodies this is: an upload URL request, an upload's completion, or links. */
    enum Form {
        LINKS, UPLOAD_REQUEST, COMPLETION
    }

    static Form formOf(JsonNode body) {
        Errors errors = new Errors();
        if (body == null || !body.isObject()) {
            errors.add("body", "must be a JSON object: {\"attachments\": [...], \"user\"}, {\"upload\": {...}, "
                    + "\"user\"} or {\"uploadId\"}");
            errors.throwIfAny();
        }
        if (body.has(UPLOAD)) {
            return Form.UPLOAD_REQUEST;
        }
        return body.has(UPLOAD_ID) ? Form.COMPLETION : Form.LINKS;
    }

    static NewLinks parseLinks(JsonNode body) {
        Errors errors = new Errors();
        rejectUnknown(body, LINK_FIELDS, errors);
        List<Link> links = new ArrayList<>();
        JsonNode array = body.get(ATTACHMENTS);
        if (array == null || array.isNull()) {
            errors.add(ATTACHMENTS, "is required: 1 to " + MAX_LINKS + " links {\"src\", \"caption\"}; to upload "
                    + "files send multipart/form-data, or {\"upload\": {...}} for an upload URL");
        } else if (!array.isArray()) {
            errors.add(ATTACHMENTS, "must be an array of links {\"src\", \"caption\"}");
        } else if (array.isEmpty() || array.size() > MAX_LINKS) {
            errors.add(ATTACHMENTS, "must hold 1 to " + MAX_LINKS + " links (got " + array.size() + ")");
        } else {
            for (int i = 0; i < array.size(); i++) {
                links.add(link(array.get(i), ATTACHMENTS + "[" + i + "]", errors));
            }
        }
        Common common = common(body.get(COMMENT), body.get(COMMENT_HTML), body.get(IS_PRIVATE), body.get(USER),
                errors, true);
        errors.throwIfAny();
        return new NewLinks(links, common);
    }

    private static Link link(JsonNode node, String path, Errors errors) {
        if (node == null || !node.isObject()) {
            errors.add(path, "must be a link object {\"src\", \"caption\"}");
            return null;
        }
        FieldReader.rejectUnknownFields(node, ordered("src", "caption"), path, errors);
        String src = FieldReader.requiredText(node.get("src"), path + ".src", MAX_SRC_LENGTH, errors);
        if (src != null && !isWebAddress(src)) {
            errors.add(path + ".src", "must be an absolute http or https URL");
        }
        String caption = FieldReader.optionalText(node.get("caption"), path + ".caption", MAX_CAPTION_LENGTH, errors);
        return new Link(src, caption == null || caption.isEmpty() ? null : caption);
    }

    /** An absolute http(s) URL with a host: never javascript:, data: or a relative path a page would resolve. */
    private static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static NewUpload parseUploadRequest(JsonNode body) {
        Errors errors = new Errors();
        rejectUnknown(body, UPLOAD_REQUEST_FIELDS, errors);
        Optional<JsonNode> upload = FieldReader.requiredObject(body, UPLOAD, UPLOAD, errors);
        String fileName = null;
        String contentType = null;
        long size = 0;
        if (upload.isPresent()) {
            JsonNode u = upload.get();
            FieldReader.rejectUnknownFields(u, UPLOAD_FIELDS, UPLOAD, errors);
            contentType = contentType(textOf(u.get("contentType"), UPLOAD + ".contentType", errors),
                    UPLOAD + ".contentType", errors);
            fileName = fileName(textOf(u.get("fileName"), UPLOAD + ".fileName", errors), contentType,
                    UPLOAD + ".fileName", errors);
            size = size(u.get("size"), UPLOAD + ".size", errors);
        }
        Common common = common(body.get(COMMENT), body.get(COMMENT_HTML), body.get(IS_PRIVATE), body.get(USER),
                errors, true);
        errors.throwIfAny();
        return new NewUpload(fileName, contentType, size, common);
    }

    private static long size(JsonNode node, String path, Errors errors) {
        if (node == null || node.isNull()) {
            errors.add(path, "is required: the file's size in bytes");
            return 0;
        }
        if (!node.canConvertToExactIntegral() || !node.canConvertToLong()) {
            errors.add(path, "must be a whole number of bytes");
            return 0;
        }
        long size = node.longValue();
        if (size < 1 || size > MAX_UPLOAD_BYTES) {
            errors.add(path, "must be from 1 to " + MAX_UPLOAD_BYTES + " bytes (got " + size + ")");
            return 0;
        }
        return size;
    }

    static String parseCompletion(JsonNode body) {
        Errors errors = new Errors();
        rejectUnknown(body, COMPLETION_FIELDS, errors);
        String uploadId = FieldReader.requiredText(body.get(UPLOAD_ID), UPLOAD_ID, 64, errors);
        if (uploadId != null && !UUID_TEXT.matcher(uploadId).matches()) {
            errors.add(UPLOAD_ID, "must be the uploadId that came with the upload URL");
        }
        errors.throwIfAny();
        return uploadId.toLowerCase(Locale.ROOT);
    }

    /** The fields of a multipart upload: {@code files} (1 to 10), {@code comment}, {@code isPrivate}, {@code user}. */
    static NewFiles parseFiles(List<UploadPart> parts) {
        Errors errors = new Errors();
        List<File> files = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        List<String> htmlComments = new ArrayList<>();
        List<String> privates = new ArrayList<>();
        List<String> users = new ArrayList<>();
        long total = 0;
        for (UploadPart part : parts) {
            String name = part.name() == null ? "" : part.name();
            if (!MULTIPART_FIELDS.contains(name)) {
                errors.add("body." + JsonText.printable(name), "is not a field of a file upload; expected one of "
                        + String.join(", ", MULTIPART_FIELDS));
            } else if (name.equals(FILES)) {
                String path = FILES + "[" + files.size() + "]";
                if (part.fileName() == null) {
                    errors.add(path, "must be a file part, with a filename in its Content-Disposition");
                }
                String contentType = part.contentType() == null ? null
                        : contentType(part.contentType(), path + ".contentType", errors);
                if (part.fileName() != null && part.contentType() == null) {
                    errors.add(path + ".contentType", "is required: the part's Content-Type header");
                }
                String fileName = part.fileName() == null ? null
                        : fileName(part.fileName(), contentType, path + ".fileName", errors);
                if (part.content().length == 0) {
                    errors.add(path, "is empty");
                }
                total += part.content().length;
                files.add(new File(fileName, contentType, part.content()));
            } else if (part.fileName() != null) {
                errors.add(name, "must be a text field, not a file");
            } else {
                List<String> target = name.equals(COMMENT) ? comments : name.equals(COMMENT_HTML) ? htmlComments
                        : name.equals(IS_PRIVATE) ? privates : users;
                text(part, name, errors).ifPresent(target::add);
            }
        }
        if (files.isEmpty()) {
            errors.add(FILES, "is required: 1 to " + MAX_FILES + " file parts named files");
        } else if (files.size() > MAX_FILES) {
            errors.add(FILES, "must be at most " + MAX_FILES + " files (got " + files.size() + ")");
        }
        if (total > MAX_MULTIPART_BYTES) {
            errors.add(FILES, "must together be at most " + MAX_MULTIPART_BYTES + " bytes (got " + total
                    + "); upload larger files through an upload URL ({\"upload\": {...}})");
        }
        once(COMMENT, comments, errors);
        once(COMMENT_HTML, htmlComments, errors);
        once(IS_PRIVATE, privates, errors);
        once(USER, users, errors);
        JsonNode comment = comments.isEmpty() ? null : Json.MAPPER.getNodeFactory().textNode(comments.get(0));
        JsonNode html = htmlComments.isEmpty() ? null : Json.MAPPER.getNodeFactory().textNode(htmlComments.get(0));
        JsonNode isPrivate = privates.isEmpty() ? null : privateFlag(privates.get(0), errors);
        JsonNode user = users.isEmpty() ? null : userJson(users.get(0), errors);
        // A user that is not JSON was reported already; it is not also missing.
        Common common = common(comment, html, isPrivate, user, errors, user != null || users.isEmpty());
        errors.throwIfAny();
        return new NewFiles(files, common);
    }

    private static void once(String name, List<String> values, Errors errors) {
        if (values.size() > 1) {
            errors.add(name, "must be sent once (got " + values.size() + ")");
        }
    }

    private static Optional<String> text(UploadPart part, String name, Errors errors) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(part.content())).toString());
        } catch (CharacterCodingException e) {
            errors.add(name, "must be UTF-8 text");
            return Optional.empty();
        }
    }

    /** The multipart form's isPrivate: the text {@code true} or {@code false}, as the live API's client sends. */
    private static JsonNode privateFlag(String text, Errors errors) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            errors.add(IS_PRIVATE, "must be true or false");
            return null;
        }
        return Json.MAPPER.getNodeFactory().booleanNode(value.equals("true"));
    }

    /** The multipart form's user: an IUser as JSON text. */
    private static JsonNode userJson(String text, Errors errors) {
        try {
            JsonNode user = Json.parse(text);
            if (JsonText.firstUnpairedSurrogate(user, USER).isPresent()) {
                errors.add(USER, "holds an unpaired UTF-16 surrogate, which is not text");
                return null;
            }
            return user;
        } catch (IOException e) {
            errors.add(USER, "must be an IUser as JSON text: {\"id\", \"name\", \"email\"}");
            return null;
        }
    }

    private static Common common(JsonNode comment, JsonNode commentHtml, JsonNode isPrivate, JsonNode user,
                                 Errors errors, boolean checkUser) {
        String text = FieldReader.optionalText(comment, COMMENT, TicketRequests.MAX_COMMENT_LENGTH, errors);
        String html = FieldReader.optionalText(commentHtml, COMMENT_HTML, TicketRequests.MAX_COMMENT_LENGTH, errors);
        String safeHtml = html == null || html.isBlank() ? null : Html.sanitize(html);
        if (safeHtml != null && (text == null || text.isEmpty())) {
            text = Html.text(safeHtml);
        }
        boolean flag = false;
        if (isPrivate != null && !isPrivate.isNull()) {
            if (isPrivate.isBoolean()) {
                flag = isPrivate.booleanValue();
            } else {
                errors.add(IS_PRIVATE, "must be true or false");
            }
        }
        User by = checkUser ? FieldReader.user(user, USER, errors) : null;
        return new Common(text == null || text.isEmpty() ? null : text, safeHtml, flag, by);
    }

    private static String textOf(JsonNode node, String path, Errors errors) {
        if (node == null || node.isNull()) {
            errors.add(path, "is required");
            return null;
        }
        if (!node.isTextual()) {
            errors.add(path, "must be a string");
            return null;
        }
        return node.textValue();
    }

    /** The allowed type {@code raw} names; null (reported by the caller) when {@code raw} is null. */
    private static String contentType(String raw, String path, Errors errors) {
        if (raw == null) {
            return null;
        }
        Optional<String> type = AttachmentTypes.normalise(raw);
        if (type.isEmpty()) {
            errors.add(path, "must be one of " + String.join(", ", AttachmentTypes.allowed()));
            return null;
        }
        return type.get();
    }

    /** The sanitised name, within bounds and ending with an extension of its (valid) content type. */
    private static String fileName(String raw, String contentType, String path, Errors errors) {
        if (raw == null) {
            return null;
        }
        Optional<String> name = FileNames.sanitise(raw);
        if (name.isEmpty()) {
            errors.add(path, "has no name left once folders and control characters are removed");
            return null;
        }
        if (name.get().length() > FileNames.MAX_LENGTH) {
            errors.add(path, "must be at most " + FileNames.MAX_LENGTH + " characters (got " + name.get().length()
                    + ")");
            return null;
        }
        if (contentType != null && !AttachmentTypes.matches(name.get(), contentType)) {
            errors.add(path, "must end with ." + String.join(" or .", AttachmentTypes.extensions(contentType))
                    + " for a file of type " + contentType);
            return null;
        }
        return name.get();
    }

    private static void rejectUnknown(JsonNode body, Set<String> allowed, Errors errors) {
        for (String name : iterable(body)) {
            if (!allowed.contains(name)) {
                errors.add("body." + JsonText.printable(name), "is not a known field; expected one of "
                        + String.join(", ", allowed));
            }
        }
    }

    private static Iterable<String> iterable(JsonNode node) {
        return node::fieldNames;
    }

    static boolean isUuid(String text) {
        return text != null && UUID_TEXT.matcher(text.strip()).matches();
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    private static Set<String> ordered(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }
}
