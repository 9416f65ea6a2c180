package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.model.Ticket;
import dev.ticketing.service.AttachmentService;
import dev.ticketing.testing.AttachmentFixtures;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testing.MultipartBody;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbEngine.class)
class AddAttachmentHandlerIT {

    private static final String USER = "{\"id\": \"u-7\", \"name\": \"Alex Agent\", \"email\": \"alex@example.com\"}";

    private static Dependencies deps;
    private static AttachmentService service;
    private static AddAttachmentHandler handler;

    @BeforeAll
    static void setUp(TestTable table) {
        deps = AttachmentFixtures.dependencies(table, AttachmentFixtures.createBucket(table));
        service = AttachmentFixtures.service(deps);
        Fixtures.createDemoInstance(deps, Fixtures.DEMO_INSTANCE_ID, Fixtures.DEMO_PRIMARY_KEY);
        deps.ticketService().create(Fixtures.DEMO_INSTANCE_ID,
                Fixtures.referenceExampleJson("create-ticket-example-1.json"));
        handler = new AddAttachmentHandler(service);
    }

    @Test
    void linksSample_answers201_withTheActivityInTheLiveApisShape() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handle(Fixtures.proxyEvent("add-attachment.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode item = Json.parse(response.getBody()).get("item");
        Ticket ticket = deps.ticketService().get(Fixtures.DEMO_INSTANCE_ID, "1");
        assertThat(item.get("activityId").asText()).isNotBlank().isEqualTo(item.get("id").asText());
        assertThat(item.get("ticketId").asText()).isEqualTo(ticket.id());
        assertThat(item.get("ticketNo").asLong()).isEqualTo(1);
        assertThat(item.get("comment").asText()).isEqualTo("Links attached.");
        JsonNode link = item.at("/attachments/0");
        assertThat(link.get("src").asText()).isEqualTo("https://contoso.sharepoint.com/sites/helpdesk/printer-manual.pdf");
        assertThat(link.get("caption").asText()).isEqualTo("Printer manual");
        assertThat(link.get("isHyperlink").asBoolean()).isTrue();
        assertThat(link.get("createdBy").asText()).isEqualTo("Jason Doe");
        assertThat(link.get("createdDateTime").asText()).endsWith("Z");
    }

    @Test
    void multipartSample_asApiGatewayPassesIt_storesTheFile_whoseUrlDownloadsIt() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handle(Fixtures.proxyEvent("add-attachment.upload.json"),
                null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode file = Json.parse(response.getBody()).at("/item/attachments/0");
        assertThat(file.get("filename").asText()).isEqualTo("printer-error.log");
        assertThat(file.get("contentType").asText()).isEqualTo("text/plain");
        assertThat(file.get("isHyperlink").asBoolean()).isFalse();
        HttpResponse<byte[]> download = AttachmentFixtures.get(file.get("src").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).startsWith("E102 paper jam");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"printer-error.log\"");
    }

    @Test
    void multipart_writtenAsDotNetWritesIt_isRead_binaryIntact() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, (byte) 0xFF, (byte) 0xFE};
        MultipartBody body = new MultipartBody("a5f0c2e1-9b7d-4c3e-8f10-2d6e4b9a7c35")
                .part("name=files; filename=shot.png; filename*=utf-8''%C3%A9cran.png", "image/png", png)
                .field("comment", "Screenshot of the error")
                .field("isPrivate", "true")
                .field("user", USER);

        APIGatewayProxyResponseEvent response = handler.handle(body.into(event()), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode item = Json.parse(response.getBody()).get("item");
        assertThat(item.get("isPrivate").asBoolean()).isTrue();
        JsonNode file = item.at("/attachments/0");
        assertThat(file.get("filename").asText()).isEqualTo("écran.png");
        assertThat(file.get("isImage").asBoolean()).isTrue();
        assertThat(file.get("size").asLong()).isEqualTo(png.length);
        assertThat(file.get("createdBy").asText()).isEqualTo("Alex Agent");
        assertThat(AttachmentFixtures.get(file.get("src").asText()).body()).containsExactly(png);
    }

    @Test
    void uploadUrl_thenPutThenComplete_recordsTheFile() throws Exception {
        byte[] content = "%PDF-1.7 scanned pages".getBytes(StandardCharsets.UTF_8);
        APIGatewayProxyResponseEvent granted = handler.handle(json("{\"upload\": {\"fileName\": \"scan.pdf\", "
                + "\"contentType\": \"application/pdf\", \"size\": " + content.length + "}, \"user\": " + USER + "}"),
                null);
        assertThat(granted.getStatusCode()).as(granted.getBody()).isEqualTo(201);
        JsonNode upload = Json.parse(granted.getBody()).get("item");
        assertThat(upload.get("method").asText()).isEqualTo("PUT");
        Map<String, String> headers = new HashMap<>();
        upload.get("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asText()));

        assertThat(AttachmentFixtures.put(upload.get("url").asText(), headers, content).statusCode()).isEqualTo(200);
        APIGatewayProxyResponseEvent completed = handler.handle(json("{\"uploadId\": \""
                + upload.get("uploadId").asText() + "\"}"), null);

        assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(201);
        JsonNode file = Json.parse(completed.getBody()).at("/item/attachments/0");
        assertThat(file.get("id").asText()).isEqualTo(upload.get("uploadId").asText());
        assertThat(AttachmentFixtures.get(file.get("src").asText()).body()).containsExactly(content);
    }

    @Test
    void badContentType_answers400_namingThePart() throws Exception {
        MultipartBody body = new MultipartBody().file("page.html", "text/html", "<script>".getBytes(
                StandardCharsets.UTF_8)).field("user", USER);

        assertError(handler.handle(body.into(event()), null), "files[0].contentType");
    }

    @Test
    void tooLarge_answers400_namingTheSize() throws Exception {
        assertError(handler.handle(json("{\"upload\": {\"fileName\": \"huge.zip\", \"contentType\": "
                + "\"application/zip\", \"size\": 1073741824}, \"user\": " + USER + "}"), null), "upload.size");
    }

    @Test
    void tooLargeForAMultipartRequest_answers400_pointingToUploadUrls() throws Exception {
        MultipartBody body = new MultipartBody()
                .file("a.log", "text/plain", new byte[(int) (3L * 1024 * 1024)])
                .file("b.log", "text/plain", new byte[(int) (2L * 1024 * 1024)])
                .field("user", USER);

        APIGatewayProxyResponseEvent response = handler.handle(body.into(event()), null);

        assertError(response, "files");
        assertThat(response.getBody()).contains("upload URL");
    }

    @Test
    void badFileName_answers400_namingIt() throws Exception {
        assertError(handler.handle(json("{\"upload\": {\"fileName\": \"../\\u202e\", \"contentType\": "
                + "\"text/plain\", \"size\": 3}, \"user\": " + USER + "}"), null), "upload.fileName");
    }

    @Test
    void unknownField_answers400_namingIt() throws Exception {
        assertError(handler.handle(json("{\"attachments\": [{\"src\": \"https://example.com\"}], \"user\": "
                + USER + ", \"visibility\": \"all\"}"), null), "body.visibility");
    }

    @Test
    void unknownMultipartField_answers400_namingIt() throws Exception {
        MultipartBody body = new MultipartBody().file("a.txt", "text/plain", new byte[] {'a'}).field("user", USER)
                .field("tags", "x");

        assertError(handler.handle(body.into(event()), null), "body.tags");
    }

    @Test
    void idempotencyKey_answers400_ratherThanPromisingWhatTheRouteDoesNotDo() throws Exception {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("add-attachment.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("Idempotency-Key", "k-1");

        assertError(handler.handle(event.withHeaders(headers), null), "Idempotency-Key");
    }

    @Test
    void unknownTicket_answers404_andMalformedMultipart400() throws Exception {
        APIGatewayProxyRequestEvent missing = Fixtures.proxyEvent("add-attachment.json")
                .withPathParameters(Map.of("ticketId", "999"));
        assertThat(handler.handle(missing, null).getStatusCode()).isEqualTo(404);

        APIGatewayProxyRequestEvent broken = new MultipartBody().field("user", USER).into(event())
                .withBody("not base64 !");
        assertError(handler.handle(broken, null), "body");
    }

    @Test
    void disabledInstance_answers403_andAttachesNothing() throws Exception {
        Ticket ticket = Fixtures.ticketOfADisabledInstance(deps);

        APIGatewayProxyResponseEvent response = handler.handle(Fixtures.proxyEvent("add-attachment.json",
                ticket.instanceId()), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(deps.attachmentStore().attachments(ticket.instanceId(), 1, 10, null).items()).isEmpty();
    }

    private static APIGatewayProxyRequestEvent event() {
        return Fixtures.proxyEvent("add-attachment.json");
    }

    private static APIGatewayProxyRequestEvent json(String body) {
        return event().withBody(body);
    }

    private static void assertError(APIGatewayProxyResponseEvent response, String field) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        JsonNode error = Json.parse(response.getBody());
        assertThat(error.get("code").asText()).isEqualTo("ValidationError");
        List<String> fields = error.get("details").findValuesAsText("field");
        assertThat(fields).contains(field);
    }
}
