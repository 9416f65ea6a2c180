package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.auth.ApiKeys;
import dev.ticketing.config.Config;
import dev.ticketing.json.Json;
import dev.ticketing.service.CreatedInstance;
import dev.ticketing.service.InstanceAdminService;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * What the functions print under Lambda's runtime client, as CloudWatch Logs would receive it, for real requests
 * through the sandbox: answered, refused by the authorizer (401) and by the functions (400, 403, 404), and failed
 * (500). Every request carries an API key in the {@code key} query parameter and in two headers; no key appears in
 * any line, the functions' or the sandbox's own. The same run checks the log fields and the metric records.
 */
@ExtendWith(DynamoDbEngine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogsAndMetricsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String USER = "{\"id\": \"u1\", \"name\": \"Pat Doe\", \"email\": \"pat@example.com\"}";

    private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();
    private final Map<String, Integer> statuses = new LinkedHashMap<>();
    private final Map<String, String> requestIds = new LinkedHashMap<>();
    private PrintStream originalOut;
    private Sandbox sandbox;
    private TestTable table;
    private String disabledKey;
    private String unknownKey;
    private List<String> lines;

    @BeforeAll
    void runRequestsThroughTheSandbox(TestTable testTable) throws Exception {
        table = testTable;
        originalOut = System.out;
        // Everything printed on standard output from here on: the functions' lines (the sandbox prints them with
        // their function's name, as CloudWatch shows them) and the sandbox's own.
        System.setOut(new PrintStream(new Tee(originalOut, recorded), true, StandardCharsets.UTF_8));
        sandbox = Sandbox.start(Options.defaults().withPort(0).withDynamoDbEndpoint(table.endpoint())
                .withTableName(table.tableName()).withRuntime(Options.FunctionRuntime.LAMBDA));
        InstanceAdminService admin = new InstanceAdminService(new Dependencies(Config.from(Map.of(
                Config.TABLE_NAME, table.tableName(), Config.DYNAMODB_ENDPOINT, table.endpoint().toString())),
                table.client()).instanceStore());
        ObjectNode definition = (ObjectNode) DemoInstance.definition();
        definition.remove("id");
        definition.remove("tagCategories");
        CreatedInstance disabled = admin.create(definition, Optional.empty(), null);
        admin.setEnabled(disabled.instanceId(), false);
        disabledKey = disabled.primaryKey();
        unknownKey = ApiKeys.generate();
        String primary = sandbox.primaryKey();
        String secondary = sandbox.secondaryKey();

        long created = Json.parse(send("create", "POST", "/tickets", primary, ticket("Logged ticket")).body())
                .path("item").path("ticketId").asLong();
        send("create with key", "POST", "/tickets", primary, ticket("Once"), "Idempotency-Key", "logs-it-1");
        send("replay", "POST", "/tickets", primary, ticket("Once"), "Idempotency-Key", "logs-it-1");
        send("list", "GET", "/tickets?limit=2", primary, null);
        send("status", "POST", "/tickets/" + created + "/status", primary,
                "{\"status\": \"Resolved\", \"resolution\": \"fixed\", \"comment\": \"done\", \"user\": " + USER + "}");
        send("comment", "POST", "/tickets/" + created + "/comments", secondary,
                "{\"comment\": \"noted\", \"user\": " + USER + "}");
        send("not found", "GET", "/tickets/999999", primary, null);
        send("unknown parameter", "GET", "/tickets?bogus=1", primary, null);
        send("key as a parameter name", "GET", "/tickets?" + primary + "=1", primary, null);
        send("key as a time zone", "GET", "/tickets/" + created + "?timezone=" + primary, primary, null);
        send("invalid body", "POST", "/tickets", primary, "{\"ticket\": {\"title\": \"" + primary + "\"}}");
        send("unknown key", "GET", "/tickets/" + created, unknownKey, null);
        send("no key", "GET", "/tickets/" + created, null, null);
        send("disabled instance", "GET", "/tickets/" + created, disabledKey, null);
        long broken = Json.parse(send("create to break", "POST", "/tickets", primary, ticket("To break")).body())
                .path("item").path("ticketId").asLong();
        // A stored value the code cannot read, and which echoes the caller's key into the exception's message.
        breakStoredStatus(broken, primary);
        send("failure", "GET", "/tickets/" + broken, primary, null);

        System.out.flush();
        lines = List.of(recorded.toString(StandardCharsets.UTF_8).split("\\R"));
    }

    @AfterAll
    void stop() {
        System.setOut(originalOut);
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void theRequestsGotTheAnswersTheyAreMeantToExercise() {
        assertThat(statuses).containsEntry("create", 201).containsEntry("replay", 201).containsEntry("list", 200)
                .containsEntry("status", 200).containsEntry("comment", 201).containsEntry("not found", 404)
                .containsEntry("unknown parameter", 400).containsEntry("key as a parameter name", 400)
                .containsEntry("key as a time zone", 400).containsEntry("invalid body", 400)
                .containsEntry("unknown key", 401).containsEntry("no key", 401)
                .containsEntry("disabled instance", 403).containsEntry("failure", 500);
    }

    @Test
    void noApiKeyAppearsAnywhereInTheOutput() {
        String output = String.join("\n", lines);

        assertThat(functionLines()).hasSizeGreaterThan(20);
        for (String key : List.of(sandbox.primaryKey(), sandbox.secondaryKey(), disabledKey, unknownKey)) {
            assertThat(output).as("the output holds a key").doesNotContain(key);
        }
    }

    @Test
    void theFailureIsLogged_withItsTypeAndStack_andTheKeyItsMessageEchoedMasked() {
        JsonNode failure = functionJson("GetTicketFunction").stream()
                .filter(line -> line.path("message").asText().equals("request failed")).findFirst().orElseThrow();

        assertThat(failure.path("level").asText()).isEqualTo("ERROR");
        assertThat(failure.path("correlation_id").asText()).isEqualTo(requestIds.get("failure"));
        assertThat(failure.at("/failure/type").asText()).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(failure.at("/failure/message").asText()).contains("[redacted]");
        assertThat(failure.at("/failure/stack").asText()).contains("dev.ticketing.store.dynamodb.TicketItem");
    }

    @Test
    void everyInvocation_logsOneRequestLine_withTheRequestIdAsCorrelationId_andTheLambdaContext() {
        Map<String, JsonNode> byCorrelation = new LinkedHashMap<>();
        for (String function : List.of("CreateTicketFunction", "ListTicketsFunction", "GetTicketFunction",
                "UpdateTicketStatusFunction", "AddCommentFunction", "AuthorizerFunction")) {
            for (JsonNode line : functionJson(function)) {
                if (line.path("message").asText().equals("request")) {
                    assertThat(line.path("function_name").asText()).isEqualTo(function);
                    assertThat(line.path("function_version").asText()).isEqualTo("$LATEST");
                    assertThat(line.path("service").asText()).isEqualTo("ticketing");
                    assertThat(line.path("cold_start").isBoolean()).as("%s", line).isTrue();
                    assertThat(line.path("route").asText()).isNotBlank();
                    assertThat(line.path("duration_ms").isNumber()).isTrue();
                    byCorrelation.put(function + " " + line.path("correlation_id").asText(), line);
                }
            }
        }

        JsonNode create = byCorrelation.get("CreateTicketFunction " + requestIds.get("create"));
        assertThat(create).isNotNull();
        assertThat(create.path("route").asText()).isEqualTo("POST /tickets");
        assertThat(create.path("status").asInt()).isEqualTo(201);
        assertThat(create.path("outcome").asText()).isEqualTo("Success");
        assertThat(create.path("instance_id").asText()).isEqualTo(sandbox.instanceId());
        assertThat(create.path("cold_start").asBoolean()).as("the first invocation of its environment").isTrue();
        JsonNode replay = byCorrelation.get("CreateTicketFunction " + requestIds.get("replay"));
        assertThat(replay.path("cold_start").asBoolean()).isFalse();
        JsonNode invalid = byCorrelation.get("CreateTicketFunction " + requestIds.get("invalid body"));
        assertThat(invalid.path("status").asInt()).isEqualTo(400);
        assertThat(invalid.path("outcome").asText()).isEqualTo("ValidationError");
        JsonNode disabled = byCorrelation.get("GetTicketFunction " + requestIds.get("disabled instance"));
        assertThat(disabled.path("outcome").asText()).isEqualTo("Forbidden");
        // The authorizer has its own line for each key it saw: allowed with the key's instance, or refused.
        JsonNode refused = byCorrelation.get("AuthorizerFunction " + requestIds.get("unknown key"));
        assertThat(refused.path("status").asInt()).isEqualTo(401);
        assertThat(refused.path("outcome").asText()).isEqualTo("Unauthorized");
        assertThat(refused.path("key_present").asBoolean()).isTrue();
        JsonNode allowed = byCorrelation.get("AuthorizerFunction " + requestIds.get("create"));
        assertThat(allowed.path("instance_id").asText()).isEqualTo(sandbox.instanceId());
        assertThat(allowed.path("key_slot").asText()).isEqualTo("primary");
    }

    @Test
    void invocations_publishEmfRecordsOfWhatTheyCounted_withBoundedDimensions() {
        List<JsonNode> records = new ArrayList<>();
        Set<String> dimensionNames = new HashSet<>();
        for (String line : functionLines()) {
            JsonNode json = parse(line.substring(line.indexOf("] ") + 2));
            if (json != null && json.has("_aws")) {
                records.add(json);
                assertThat(json.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("Ticketing");
                json.at("/_aws/CloudWatchMetrics/0/Dimensions").forEach(set -> set.forEach(
                        name -> dimensionNames.add(name.asText())));
            }
        }

        assertThat(dimensionNames).containsExactlyInAnyOrder("Service", "Route", "Outcome");
        // Three creations: one plain, one with an Idempotency-Key (then replayed), the ticket broken below.
        assertThat(record(records, "POST:/tickets", "Success", "TicketsCreated")).isEqualTo(3.0);
        assertThat(record(records, "POST:/tickets", "Success", "IdempotentReplays")).isEqualTo(1.0);
        assertThat(record(records, "POST:/tickets", "ValidationError", "ClientErrors")).isEqualTo(1.0);
        assertThat(record(records, "GET:/tickets", "Success", "ListItemsReturned")).isEqualTo(2.0);
        assertThat(record(records, "GET:/tickets", "Success", "ListItemsRead")).isGreaterThanOrEqualTo(2.0);
        assertThat(record(records, "POST:/tickets/{ticketId}/status", "Success", "StatusChanges")).isEqualTo(1.0);
        assertThat(record(records, "POST:/tickets/{ticketId}/comments", "Success", "Comments")).isEqualTo(1.0);
        assertThat(record(records, "GET:/tickets", "ValidationError", "ClientErrors")).isEqualTo(2.0);
        assertThat(record(records, "GET:/tickets/{ticketId}", "ValidationError", "ClientErrors")).isEqualTo(1.0);
        assertThat(record(records, "GET:/tickets/{ticketId}", "NotFound", "ClientErrors")).isEqualTo(1.0);
        assertThat(record(records, "GET:/tickets/{ticketId}", "Forbidden", "ClientErrors")).isEqualTo(1.0);
        assertThat(record(records, "GET:/tickets/{ticketId}", "InternalError", "ServerErrors")).isEqualTo(1.0);
        assertThat(record(records, "authorizer", "Unauthorized", "ClientErrors")).isEqualTo(1.0);
    }

    /** The sum of {@code metric} over the records of {@code route} and {@code outcome}, which must have some. */
    private static Double record(List<JsonNode> records, String route, String outcome, String metric) {
        List<JsonNode> matching = records.stream().filter(r -> r.path("Route").asText().equals(route)
                && r.path("Outcome").asText().equals(outcome) && r.has(metric)).toList();
        assertThat(matching).as("records of %s %s with %s in %s", route, outcome, metric, records).isNotEmpty();
        return matching.stream().mapToDouble(r -> r.path(metric).asDouble()).sum();
    }

    private List<String> functionLines() {
        return lines.stream().filter(line -> line.startsWith("[") && line.contains("Function] ")).toList();
    }

    private List<JsonNode> functionJson(String function) {
        String prefix = "[" + function + "] ";
        return lines.stream().filter(line -> line.startsWith(prefix))
                .map(line -> parse(line.substring(prefix.length()))).filter(json -> json != null).toList();
    }

    private static JsonNode parse(String text) {
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static String ticket(String title) {
        return "{\"ticket\": {\"title\": \"" + title + "\", \"requestor\": " + USER + "}, \"user\": " + USER + "}";
    }

    /**
     * Sends one request with {@code apiKey} in the {@code key} query parameter (unless null) and in the
     * {@code x-api-key} and {@code Authorization} headers (always), and records its status and request id.
     */
    private HttpResponse<String> send(String name, String method, String pathAndQuery, String apiKey, String body,
                                      String... headers) throws IOException, InterruptedException {
        String query = apiKey == null ? "" : (pathAndQuery.contains("?") ? "&" : "?") + "key=" + apiKey;
        String headerKey = apiKey == null ? sandbox.primaryKey() : apiKey;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUri() + pathAndQuery + query))
                .header("x-api-key", headerKey)
                .header("Authorization", "Bearer " + headerKey)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        statuses.put(name, response.statusCode());
        requestIds.put(name, response.headers().firstValue(Gateway.REQUEST_ID_HEADER).orElse(""));
        return response;
    }

    /** Replaces the stored status of ticket {@code number} with {@code value}, which no status is. */
    private void breakStoredStatus(long number, String value) {
        Map<String, AttributeValue> item = table.client().scan(ScanRequest.builder().tableName(table.tableName())
                .build()).items().stream()
                .filter(i -> "TICKET".equals(i.get("SK").s()) && i.containsKey("ticketId")
                        && Long.toString(number).equals(i.get("ticketId").n()))
                .findFirst().orElseThrow(() -> new AssertionError("no stored ticket " + number));
        Map<String, AttributeValue> broken = new LinkedHashMap<>(item);
        broken.put("status", AttributeValue.fromS(value));
        table.client().putItem(b -> b.tableName(table.tableName()).item(broken));
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {

        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public synchronized void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
