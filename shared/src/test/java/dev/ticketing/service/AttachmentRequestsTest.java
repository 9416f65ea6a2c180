package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.error.FieldError;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachmentRequestsTest {

    private static final String USER =
            "\"user\": {\"id\": \"u1\", \"name\": \"Pat Doe\", \"email\": \"pat@example.com\"}";

    @Test
    void links_asTheLiveClientSendsThem_areRead() throws Exception {
        AttachmentRequests.NewLinks links = AttachmentRequests.parseLinks(json("{\"comment\": \"Links attached.\", "
                + "\"attachments\": [{\"src\": \"https://contoso.sharepoint.com/doc\", \"caption\": \"Spec\"}], "
                + "\"isPrivate\": true, " + USER + "}"));

        assertThat(links.links()).containsExactly(new AttachmentRequests.Link("https://contoso.sharepoint.com/doc",
                "Spec"));
        assertThat(links.common().comment()).isEqualTo("Links attached.");
        assertThat(links.common().isPrivate()).isTrue();
        assertThat(links.common().user().id()).isEqualTo("u1");
    }

    @Test
    void links_withBadValues_nameEveryField() throws Exception {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> AttachmentRequests.parseLinks(
                json("{\"attachments\": [{\"src\": \"javascript:alert(1)\"}, {\"src\": \"/relative\", "
                        + "\"caption\": 5, \"alt\": \"x\"}], \"isPrivate\": \"yes\", \"extra\": 1, "
                        + "\"comment_HTML\": \"<b>x</b>\"}")));

        assertThat(fields(e)).containsExactlyInAnyOrder("attachments[0].src", "attachments[1].src",
                "attachments[1].caption", "attachments[1].alt", "isPrivate", "body.extra", "user");
    }

    @Test
    void links_withAnHtmlCommentOnly_keepItSanitised_andItsTextAsTheComment() throws Exception {
        // As joelst/teamswork-ticketing-mcp's InsertAttachmentLinkRequest sends it: comment null, comment_HTML.
        AttachmentRequests.NewLinks links = AttachmentRequests.parseLinks(json("{\"attachments\": [{\"src\": "
                + "\"https://example.com/a\", \"caption\": \"A\"}], \"comment\": null, \"comment_HTML\": "
                + "\"<p>See <b>this</b><script>x()</script></p>\", \"isPrivate\": false, \"user\": {\"id\": \"u1\"}}"));

        assertThat(links.common().comment()).isEqualTo("See this");
        assertThat(links.common().commentHtml()).isEqualTo("<p>See <b>this</b></p>");
    }

    @Test
    void links_moreThanTheBound_areRefused() throws Exception {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= AttachmentRequests.MAX_LINKS; i++) {
            many.append(i == 0 ? "" : ",").append("{\"src\": \"https://example.com/").append(i).append("\"}");
        }
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> AttachmentRequests.parseLinks(
                json("{\"attachments\": " + many + "], " + USER + "}")));

        assertThat(fields(e)).containsExactly("attachments");
    }

    @Test
    void uploadRequest_withBadTypeSizeAndName_namesEachField() throws Exception {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> AttachmentRequests.parseUploadRequest(json("{\"upload\": {\"fileName\": \"x.html\", "
                        + "\"contentType\": \"text/html\", \"size\": " + (AttachmentRequests.MAX_UPLOAD_BYTES + 1)
                        + ", \"sha\": \"1\"}, " + USER + "}")));

        assertThat(fields(e)).containsExactlyInAnyOrder("upload.contentType", "upload.size", "upload.sha");
    }

    @Test
    void uploadRequest_withANameOfAnotherType_namesTheFileName() throws Exception {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> AttachmentRequests.parseUploadRequest(json("{\"upload\": {\"fileName\": \"invoice.pdf.exe\", "
                        + "\"contentType\": \"application/pdf\", \"size\": 10}, " + USER + "}")));

        assertThat(e.details()).containsExactly(new FieldError("upload.fileName",
                "must end with .pdf for a file of type application/pdf"));
    }

    @Test
    void uploadRequest_sanitisesTheName() throws Exception {
        AttachmentRequests.NewUpload upload = AttachmentRequests.parseUploadRequest(json("{\"upload\": "
                + "{\"fileName\": \"../../secret\\u202E/q3 report.pdf\", \"contentType\": \"application/pdf\", "
                + "\"size\": 10}, " + USER + "}"));

        assertThat(upload.fileName()).isEqualTo("q3 report.pdf");
    }

    @Test
    void completion_ofSomethingElseThanAnUploadId_namesIt() throws Exception {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> AttachmentRequests.parseCompletion(json("{\"uploadId\": \"../x\", \"user\": {}}")));

        assertThat(fields(e)).containsExactlyInAnyOrder("uploadId", "body.user");
    }

    @Test
    void files_ofTheLiveClientsForm_areRead() {
        AttachmentRequests.NewFiles files = AttachmentRequests.parseFiles(List.of(
                new UploadPart("files", "shot.png", "image/png", new byte[] {1, 2}),
                new UploadPart("comment", null, null, utf8("Files attached.")),
                new UploadPart("isPrivate", null, null, utf8("false")),
                new UploadPart("user", null, null, utf8("{\"id\": \"u1\", \"name\": \"Pat Doe\"}"))));

        assertThat(files.files()).singleElement().satisfies(f -> {
            assertThat(f.fileName()).isEqualTo("shot.png");
            assertThat(f.contentType()).isEqualTo("image/png");
        });
        assertThat(files.common().comment()).isEqualTo("Files attached.");
        assertThat(files.common().user().name()).isEqualTo("Pat Doe");
    }

    @Test
    void files_withBadParts_nameEachField() {
        List<UploadPart> parts = new ArrayList<>(List.of(
                new UploadPart("files", "a.exe", "application/x-msdownload", new byte[] {1}),
                new UploadPart("files", "b.txt", null, new byte[] {1}),
                new UploadPart("files", "/", "text/plain", new byte[] {1}),
                new UploadPart("files", "c.txt", "text/plain", new byte[0]),
                new UploadPart("files", null, "text/plain", new byte[] {1}),
                new UploadPart("isPrivate", null, null, utf8("maybe")),
                new UploadPart("user", null, null, utf8("not json")),
                new UploadPart("note", null, null, utf8("x"))));

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> AttachmentRequests.parseFiles(parts));

        assertThat(fields(e)).containsExactlyInAnyOrder("files[0].contentType", "files[1].contentType",
                "files[2].fileName", "files[3]", "files[4]", "isPrivate", "user", "body.note");
    }

    @Test
    void files_overTheMultipartBound_pointToUploadUrls() {
        byte[] half = new byte[(int) (AttachmentRequests.MAX_MULTIPART_BYTES / 2) + 1];
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> AttachmentRequests.parseFiles(
                List.of(new UploadPart("files", "a.txt", "text/plain", half),
                        new UploadPart("files", "b.txt", "text/plain", half),
                        new UploadPart("user", null, null, utf8("{\"id\": \"u1\"}")))));

        assertThat(e.details()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("files");
            assertThat(error.message()).contains("upload URL");
        });
    }

    private static List<String> fields(ValidationException e) {
        return e.details().stream().map(FieldError::field).toList();
    }

    private static JsonNode json(String text) throws Exception {
        return Json.parse(text);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
