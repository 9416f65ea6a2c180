package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.ticketing.Dependencies;
import dev.ticketing.config.Config;
import dev.ticketing.json.Json;
import dev.ticketing.service.CreatedInstance;
import dev.ticketing.service.InstanceAdminService;
import dev.ticketing.store.ApiKeySlot;
import dev.ticketing.testing.MultipartBody;
import dev.ticketing.testing.SettableClock;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import dev.ticketing.testkit.WithTableStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sandbox over real HTTP, with the real authorizer and functions, on the test engine's table: the same tests for
 * each way of running the functions ({@link SandboxIT} in this JVM, {@link LambdaSandboxIT} under Lambda's runtime).
 */
@ExtendWith(DynamoDbEngine.class)
@WithTableStream
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SandboxContract {

    private static final Duration AUTHORIZER_TTL = Duration.ofSeconds(1);
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    protected Sandbox sandbox;
    protected TestTable table;

    @BeforeAll
    void startSandbox(TestTable testTable) {
        table = testTable;
        // Moving the clock is the only way the authorizer cache expires, so no test depends on wall time.
        sandbox = Sandbox.start(Options.defaults()
                .withPort(0)
                .withDynamoDbEndpoint(testTable.endpoint())
                .withTableName(testTable.tableName())
                .withAuthorizerTtl(AUTHORIZER_TTL)
                .withClock(clock)
                .withRuntime(runtime()));
    }

    /** How this class's sandbox runs the functions. */
    protected abstract Options.FunctionRuntime runtime();

    @AfterAll
    void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void referenceExample1_creates201WithLocation_andTheTicketReadsBackByNumberAndById() throws Exception {
        HttpResponse<String> created = post("/tickets?key=" + key(sandbox.primaryKey()) + "&timezone=0",
                ReferenceExamples.read(ReferenceExamples.CREATE_TICKET_1));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode ticket = Json.parse(created.body()).path("item");
        assertThat(ticket.path("title").asText()).isEqualTo("My first ticket");
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/tickets/" + ticket.path("ticketId").asLong());
        assertThat(created.headers().firstValue(Gateway.REQUEST_ID_HEADER)).isPresent();

        HttpResponse<String> byNumber = get(location + "?key=" + key(sandbox.primaryKey()) + "&timezone=0");
        HttpResponse<String> byId = get("/tickets/" + ticket.path("id").asText() + "?key="
                + key(sandbox.primaryKey()) + "&timezone=0");

        assertThat(byNumber.statusCode()).isEqualTo(200);
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(Json.parse(byNumber.body()).path("item")).isEqualTo(ticket);
        assertThat(Json.parse(byId.body()).path("item")).isEqualTo(ticket);
    }

    @Test
    void referenceExample2_withItsCommentsAndNoTimezone_creates201_andCustomFieldsRoundTrip() throws Exception {
        String body = ReferenceExamples.read(ReferenceExamples.CREATE_TICKET_2);

        HttpResponse<String> created = post("/tickets?key=" + key(sandbox.primaryKey()), body);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode sent = Json.parse(body).path("ticket");
        String location = created.headers().firstValue("Location").orElseThrow();
        JsonNode read = Json.parse(get(location + "?key=" + key(sandbox.primaryKey())).body()).path("item");
        assertThat(read.path("customFields")).isEqualTo(sent.path("customFields"));
        assertThat(read.path("tags")).isEqualTo(sent.path("tags"));
        assertThat(read.path("priority").asText()).isEqualTo("Urgent");
    }

    @Test
    void secondaryKey_works() throws Exception {
        HttpResponse<String> created = post("/tickets?key=" + key(sandbox.secondaryKey()),
                ReferenceExamples.read(ReferenceExamples.CREATE_TICKET_1));

        assertThat(created.statusCode()).isEqualTo(201);
    }

    @Test
    void missingKey_is401WithTheProjectsJsonErrorBody() throws Exception {
        HttpResponse<String> response = get("/tickets/1?timezone=0");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode error = Json.parse(response.body());
        // Flat, as the live API's clients read it: error is a boolean, statusCode and message beside it.
        assertThat(error.path("error").isBoolean()).isTrue();
        assertThat(error.path("error").asBoolean()).isTrue();
        assertThat(error.path("statusCode").asInt()).isEqualTo(401);
        assertThat(error.path("code").asText()).isEqualTo("Unauthorized");
        assertThat(error.path("message").asText()).contains("'key' query parameter");
        assertThat(error.path("details").isArray()).isTrue();
    }

    @Test
    void wrongKey_is401() throws Exception {
        HttpResponse<String> response = get("/tickets/1?key=" + "not-a-key-of-any-instance-0123456789abcdef");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Json.parse(response.body()).path("code").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void unknownRoute_is404WithAJsonError() throws Exception {
        HttpResponse<String> response = get("/no-such-thing?key=" + key(sandbox.primaryKey()));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Json.parse(response.body()).path("code").asText()).isEqualTo("NotFound");
    }

    @Test
    void knownPathWithAnotherMethod_is405WithAllow() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/tickets/1?key="
                + key(sandbox.primaryKey()))).DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, PUT");
    }

    @Test
    void rotatedKey_keepsWorkingUntilTheAuthorizerTtl_thenIsRefused_likeApiGatewaysCache() throws Exception {
        InstanceAdminService admin = admin();
        CreatedInstance instance = admin.create(instanceDefinition(), Optional.empty(), null);
        String oldKey = instance.primaryKey();
        assertThat(createTicket(oldKey)).isEqualTo(201);

        String newKey = admin.rotateKey(instance.instanceId(), ApiKeySlot.primary);
        int withinTtl = createTicket(oldKey);
        clock.advance(AUTHORIZER_TTL);
        int afterTtl = createTicket(oldKey);

        assertThat(withinTtl).isEqualTo(201);
        assertThat(afterTtl).isEqualTo(401);
        assertThat(createTicket(newKey)).isEqualTo(201);
    }

    @Test
    void assignmentRule_assignsANewUrgentTicket_andItsActivitiesSaySo_overHttp() throws Exception {
        InstanceAdminService admin = admin();
        CreatedInstance instance = admin.create(instanceDefinition(), Optional.empty(), null);
        admin.setRules(instance.instanceId(), Json.parse("{\"isAutomaticAssignTickets\": true, \"assigneeRules\": "
                + "[{\"id\": \"urgent-to-alex\", \"name\": \"Urgent tickets go to Alex\", \"conditions\": "
                + "[{\"field\": \"priority\", \"operator\": \"equals\", \"value\": \"Urgent\"}], \"actions\": "
                + "{\"assignee\": {\"id\": \"708edddc-xxxx-xxxx-xxxx-xxxxxxxxxxx\", \"text\": \"Alex Wilber\", "
                + "\"secondaryText\": \"AlexW@xxxxxxxx.com\"}}}]}"));
        String apiKey = key(instance.primaryKey());

        HttpResponse<String> created = post("/tickets?key=" + apiKey, "{\"ticket\": {\"title\": \"Server down\", "
                + "\"priority\": \"Urgent\", \"requestor\": {\"id\": \"r1\", \"name\": \"Jane Roe\"}}, "
                + "\"user\": {\"id\": \"r1\", \"name\": \"Jane Roe\"}}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode ticket = Json.parse(created.body()).path("item");
        assertThat(ticket.at("/assignee/name").asText()).isEqualTo("Alex Wilber");
        JsonNode activities = Json.parse(get("/tickets/" + ticket.path("ticketId").asLong() + "/activities?order=ASC"
                + "&key=" + apiKey).body()).path("items");
        assertThat(activities).hasSize(2);
        assertThat(activities.get(0).path("type").asText()).isEqualTo("created");
        JsonNode automation = activities.get(1);
        assertThat(automation.path("type").asText()).isEqualTo("update");
        assertThat(automation.at("/createdBy/id").asText()).isEqualTo("system:automation");
        assertThat(automation.at("/createdBy/name").asText()).isEqualTo("Automation");
        assertThat(automation.at("/rules/0/id").asText()).isEqualTo("urgent-to-alex");
        assertThat(automation.at("/rules/0/name").asText()).isEqualTo("Urgent tickets go to Alex");
        assertThat(automation.at("/changes/0/name").asText()).isEqualTo("assignee");
        assertThat(automation.at("/changes/0/newValue/name").asText()).isEqualTo("Alex Wilber");
    }

    @Test
    void twoInstancesWithOverlappingData_eachSeeOnlyTheirOwnTickets_overHttp() throws Exception {
        InstanceAdminService admin = admin();
        String a = admin.create(instanceDefinition(), Optional.empty(), null).primaryKey();
        String b = admin.create(instanceDefinition(), Optional.empty(), null).primaryKey();
        String body = ReferenceExamples.read(ReferenceExamples.CREATE_TICKET_1);

        // The same Idempotency-Key and body from both: each instance gets its own ticket number 1.
        HttpResponse<String> fromA = postWithIdempotencyKey(a, body, "the-key-both-instances-send");
        HttpResponse<String> fromB = postWithIdempotencyKey(b, body, "the-key-both-instances-send");
        HttpResponse<String> repeatFromB = postWithIdempotencyKey(b, body, "the-key-both-instances-send");

        assertThat(fromA.statusCode()).isEqualTo(201);
        assertThat(fromB.statusCode()).isEqualTo(201);
        assertThat(fromA.headers().firstValue("Location")).contains("/tickets/1");
        assertThat(fromB.headers().firstValue("Location")).contains("/tickets/1");
        String aId = Json.parse(fromA.body()).at("/item/id").asText();
        String bId = Json.parse(fromB.body()).at("/item/id").asText();
        assertThat(bId).isNotEqualTo(aId);
        assertThat(repeatFromB.body()).isEqualTo(fromB.body());

        assertThat(get("/tickets/" + aId + "?key=" + key(b)).statusCode()).isEqualTo(404);
        assertThat(get("/tickets/" + aId + "/activities?key=" + key(b)).statusCode()).isEqualTo(404);
        assertThat(Json.parse(get("/tickets/1?key=" + key(b)).body()).at("/item/id").asText()).isEqualTo(bId);
        assertThat(Json.parse(get("/tickets/1?key=" + key(a)).body()).at("/item/id").asText()).isEqualTo(aId);
        assertThat(listedIds(a)).containsExactly(aId);
        assertThat(listedIds(b)).containsExactly(bId);
    }

    @Test
    void banner_printsTheUrl_theInstance_bothKeys_andCurlCommandsForTheReferenceExamples() {
        String banner = Banner.text(sandbox);

        assertThat(banner).contains(sandbox.baseUri().toString(), sandbox.instanceId(), sandbox.primaryKey(),
                sandbox.secondaryKey(), "curl -i -X POST '" + sandbox.baseUri() + "/tickets?key=",
                ReferenceExamples.read(ReferenceExamples.CREATE_TICKET_1), "/tickets/1?key=");
    }

    @Test
    void multipartUpload_overHttp_arrivesBinaryIntact_andDownloadsFromTheEngine() throws Exception {
        String ticket = newTicketId();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, (byte) 0xFF, (byte) 0x80, 0x7F};
        MultipartBody body = new MultipartBody().file("screen.png", "image/png", png).field("comment", "Screenshot")
                .field("user", "{\"id\": \"u-1\", \"name\": \"Pat Doe\"}");

        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(uri("/tickets/" + ticket + "/attachments?key="
                        + key(sandbox.primaryKey()))).header("Content-Type", body.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        JsonNode listed = Json.parse(get("/tickets/" + ticket + "/attachments?key=" + key(sandbox.primaryKey()))
                .body()).path("items");
        assertThat(listed.findValuesAsText("filename")).containsExactly("screen.png");
        String src = listed.get(0).path("src").asText();
        assertThat(src).startsWith(table.endpoint().toString());
        HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(URI.create(src)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).containsExactly(png);
    }

    @Test
    void uploadUrl_putToTheEngine_thenCompleted_isTheActivitysAttachment() throws Exception {
        String ticket = newTicketId();
        byte[] content = "%PDF-1.7 the whole manual".getBytes(StandardCharsets.UTF_8);
        String path = "/tickets/" + ticket + "/attachments?key=" + key(sandbox.primaryKey());
        HttpResponse<String> granted = post(path, "{\"upload\": {\"fileName\": \"manual.pdf\", \"contentType\": "
                + "\"application/pdf\", \"size\": " + content.length + "}, \"user\": {\"id\": \"u-1\"}}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        JsonNode upload = Json.parse(granted.body()).path("item");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        upload.path("headers").properties().forEach(header -> {
            if (!header.getKey().equalsIgnoreCase("Content-Length")) {
                put.header(header.getKey(), header.getValue().asText());
            }
        });
        assertThat(HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

        HttpResponse<String> completed = post(path, "{\"uploadId\": \"" + upload.path("uploadId").asText() + "\"}");

        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(201);
        String activityId = Json.parse(completed.body()).at("/item/activityId").asText();
        JsonNode items = Json.parse(get("/tickets/activity/" + activityId + "/attachments?key="
                + key(sandbox.primaryKey())).body()).path("items");
        assertThat(items.findValuesAsText("filename")).containsExactly("manual.pdf");
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(items.get(0).path("src").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).body()).containsExactly(content);
    }

    private String newTicketId() throws IOException, InterruptedException {
        HttpResponse<String> created = post("/tickets?key=" + key(sandbox.primaryKey()),
                ReferenceExamples.read(ReferenceExamples.CREATE_TICKET_1));
        assertThat(created.statusCode()).isEqualTo(201);
        return Json.parse(created.body()).at("/item/id").asText();
    }

    private int createTicket(String apiKey) throws IOException, InterruptedException {
        return post("/tickets?key=" + key(apiKey) + "&timezone=0",
                ReferenceExamples.read(ReferenceExamples.CREATE_TICKET_1)).statusCode();
    }

    /** The demo definition as a new instance: its own id, and no tag categories whose ids the demo already uses. */
    @Test
    void aRegisteredReceiver_getsSignedEvents_whoseSignatureVerifies_andTheAttemptsAreListed() throws Exception {
        BlockingQueue<Map<String, String>> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(Map.of("signature", exchange.getRequestHeaders().getFirst("X-Ticketing-Signature"),
                        "delivery", exchange.getRequestHeaders().getFirst("X-Ticketing-Delivery"),
                        "body", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String key = key(sandbox.primaryKey());
            HttpResponse<String> registered = post("/webhooks?key=" + key, "{\"url\": \"http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hook\", \"events\": [\"ticket.created\"]}");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            JsonNode webhook = Json.parse(registered.body()).path("item");

            assertThat(post("/tickets?key=" + key, ReferenceExamples.read(ReferenceExamples.CREATE_TICKET_1))
                    .statusCode()).isEqualTo(201);
            Map<String, String> first = received.poll(30, TimeUnit.SECONDS);
            assertThat(first).as("a delivery within 30 s").isNotNull();

            // The documented recipe: hex HMAC-SHA256 of "<t>.<body>", keyed with the secret.
            String[] parts = first.get("signature").split(",");
            String t = parts[0].substring("t=".length());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhook.path("secret").asText().getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            assertThat(parts[1]).isEqualTo("v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + first.get("body"))
                    .getBytes(StandardCharsets.UTF_8))));
            JsonNode event = Json.parse(first.get("body"));
            assertThat(event.path("type").asText()).isEqualTo("ticket.created");
            assertThat(event.path("ticket").path("title").asText()).isEqualTo("My first ticket");

            // One thread delivers in turn: once the second event arrives, the first attempt is recorded.
            post("/tickets?key=" + key, ReferenceExamples.read(ReferenceExamples.CREATE_TICKET_1));
            assertThat(received.poll(30, TimeUnit.SECONDS)).as("a second delivery within 30 s").isNotNull();
            JsonNode attempts = Json.parse(get("/webhooks/" + webhook.path("id").asText() + "/deliveries?key="
                    + key).body()).path("items");
            assertThat(attempts.findValuesAsText("deliveryId")).contains(first.get("delivery"));
            assertThat(attempts.findValuesAsText("outcome")).contains("succeeded");

            String other = key(admin().create(instanceDefinition(), Optional.empty(), null).primaryKey());
            assertThat(get("/webhooks?key=" + other).body()).doesNotContain(webhook.path("id").asText());
            assertThat(HTTP.send(HttpRequest.newBuilder(uri("/webhooks/" + webhook.path("id").asText() + "?key="
                    + other)).DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            assertThat(HTTP.send(HttpRequest.newBuilder(uri("/webhooks/" + webhook.path("id").asText() + "?key="
                    + key)).DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        } finally {
            receiver.stop(0);
        }
    }

    private static JsonNode instanceDefinition() {
        ObjectNode definition = (ObjectNode) DemoInstance.definition();
        definition.remove("id");
        definition.remove("tagCategories");
        return definition;
    }

    protected HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> post(String pathAndQuery, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(pathAndQuery))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The instance administration of the sandbox's table, as the admin tool has it. */
    private InstanceAdminService admin() {
        return new InstanceAdminService(new Dependencies(Config.from(Map.of(Config.TABLE_NAME, table.tableName(),
                Config.DYNAMODB_ENDPOINT, table.endpoint().toString())), table.client()).instanceStore());
    }

    private List<String> listedIds(String apiKey) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        Json.parse(get("/tickets?key=" + key(apiKey)).body()).path("items")
                .forEach(ticket -> ids.add(ticket.path("id").asText()));
        return ids;
    }

    private HttpResponse<String> postWithIdempotencyKey(String apiKey, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri("/tickets?key=" + key(apiKey)))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String pathAndQuery) {
        return URI.create(sandbox.baseUri() + pathAndQuery);
    }

    private static String key(String apiKey) {
        return URLEncoder.encode(apiKey, StandardCharsets.UTF_8);
    }
}
