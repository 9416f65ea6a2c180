package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.json.Json;
import dev.ticketing.local.dynamodb.LocalDynamoDb;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Generated hostile requests against every route of a running sandbox (real HTTP, authorizer and functions): the
 * answer is never a 5xx, every 4xx has the project's JSON error shape, and a refused write changes nothing: no
 * ticket, version or activity changes, and no ticket number is lost. The requests come from a seeded generator,
 * so a failure names its seed and request and is replayed with {@code -Dhostile.seed=<seed>}.
 */
class HostileRequestsIT {

    /** About a minute on a two-core machine: each refused write also reads the state twice and creates a ticket. */
    private static final int TRIES = 150;
    /** A new seed each run explores new requests; the failing one is in the test's name and message. */
    private static final long SEED = Long.getLong("hostile.seed", System.nanoTime());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String PEOPLE = "146db0c4-de24-4818-a131-a27161bb7ad0";
    private static final String AREA = "4aad4ef9-3242-4bb6-87f7-29428567429f";
    private static final String DATE = "7ee98e41-c4d0-4d4c-beb9-2b7f8f8c35c8";
    private static final String MULTI = "fef751d6-067d-431b-8a6d-667056eff6ee";
    private static final String TOPIC = "2283653a-8d36-40eb-9a68-73eb3b331811";
    private static final String USER = "{\"id\": \"u-1\", \"name\": \"Jason Doe\", \"email\": \"jason@example.com\"}";
    private static final String VALID_CREATE = "{\"ticket\": {\"title\": \"hostile\", \"requestor\": " + USER
            + "}, \"user\": " + USER + "}";

    private static LocalDynamoDb engine;
    private static Sandbox sandbox;

    record Route(String method, String path, String bodyTemplate, List<String> fields) {

        boolean writes() {
            return !"GET".equals(method);
        }
    }

    /** Each write's body puts a generated FIELD: VALUE pair into an otherwise valid request. */
    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/tickets", null, List.of()),
            new Route("POST", "/tickets", "{\"ticket\": {\"title\": \"t\", \"requestor\": " + USER
                    + ", FIELD: VALUE}, \"user\": " + USER + "}", List.of("title", "description", "priority",
                    "expectedDate", "customFields", "tags", "requestor", "assignee", "status", "colour")),
            new Route("GET", "/tickets/{ticketId}", null, List.of()),
            new Route("PUT", "/tickets/{ticketId}", "{\"updates\": {FIELD: VALUE}, \"user\": " + USER + "}",
                    List.of("title", "description", "priority", "expectedDate", "customFields", "tags", "assignee")),
            new Route("PUT", "/tickets/{ticketId}/status", "{\"status\": \"Closed\", FIELD: VALUE, \"user\": "
                    + USER + "}", List.of("status", "resolution", "comment", "user")),
            new Route("POST", "/tickets/{ticketId}/status", "{\"status\": \"Started\", FIELD: VALUE, \"user\": "
                    + USER + "}", List.of("status", "comment", "user")),
            new Route("GET", "/tickets/{ticketId}/activities", null, List.of()),
            new Route("POST", "/tickets/{ticketId}/activities", "{\"comment\": \"c\", FIELD: VALUE, \"user\": "
                    + USER + "}", List.of("comment", "user")),
            new Route("POST", "/tickets/{ticketId}/comments", "{\"comment\": \"c\", FIELD: VALUE, \"user\": "
                    + USER + "}", List.of("comment", "user")),
            new Route("GET", "/instance", null, List.of()),
            new Route("GET", "/tags", null, List.of()),
            new Route("GET", "/tickets/{ticketId}/attachments", null, List.of()),
            new Route("POST", "/tickets/{ticketId}/attachments", "{\"attachments\": [{\"src\": "
                    + "\"https://example.com/a\"}], FIELD: VALUE, \"user\": " + USER + "}", List.of("attachments",
                    "comment", "isPrivate", "user", "upload", "uploadId", "comment_HTML")),
            // The activity id comes from the ticket id generator: numbers, UUIDs, oversized and odd texts.
            new Route("GET", "/tickets/activity/{ticketId}/attachments", null, List.of()));

    @BeforeAll
    static void startSandbox() throws Exception {
        engine = LocalDynamoDb.start();
        sandbox = Sandbox.start(Options.defaults()
                .withPort(0)
                .withDynamoDbEndpoint(engine.endpoint())
                .withTableName("HostileRequestsIT-" + UUID.randomUUID().toString().substring(0, 8))
                .withThrottling(false));
        assertThat(send("POST", "/tickets", Map.of(), Map.of(), VALID_CREATE).statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> hostileRequests_neverAnswer5xx_andRefusedWritesChangeNothing() {
        Random random = new Random(SEED);
        return IntStream.range(0, TRIES).mapToObj(i -> {
            Request request = request(random);
            return DynamicTest.dynamicTest("seed " + SEED + " #" + i + ": " + request.route().method() + " "
                    + request.route().path(), () -> check(request));
        });
    }

    private static void check(Request request) throws Exception {
        State before = request.route().writes() ? State.read() : null;

        HttpResponse<String> response = send(request.route().method(), request.path(), request.query(),
                request.headers(), request.body());

        assertThat(response.statusCode()).as(request + " answered " + response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertErrorShape(request, response);
            if (before != null) {
                assertThat(State.read()).as("state after the refused " + request).isEqualTo(before);
                // A lost ticket number would show as a gap here.
                HttpResponse<String> next = send("POST", "/tickets", Map.of(), Map.of(), VALID_CREATE);
                assertThat(next.statusCode()).isEqualTo(201);
                assertThat(Json.parse(next.body()).at("/item/ticketId").asLong()).as("the next ticket number after "
                        + request).isEqualTo(before.lastTicketNumber() + 1);
            }
        }
    }

    record Request(Route route, String ticketId, Map<String, String> query, Map<String, String> headers,
                   String body) {

        String path() {
            return route.path().replace("{ticketId}", URLEncoder.encode(ticketId, StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "...(" + body.length()
                    + " chars)" : body;
            return route.method() + " " + path() + " " + query + " " + headers + " " + shown;
        }
    }

    private static Request request(Random random) {
        Route route = pick(random, ROUTES);
        return new Request(route, ticketId(random), query(random), headers(random), body(random, route));
    }

    private static String ticketId(Random random) {
        return frequency(random,
                w(6, () -> "1"),
                w(1, () -> pick(random, List.of("0", "-1", "99999999999999999999", "1e3", " 1", "%",
                        "00000000-0000-0000-0000-000000000000", "x".repeat(3000), "..", "\u00e9\u4e2d"))),
                w(1, () -> anyString(random, 1, 40)));
    }

    private static Map<String, String> query(Random random) {
        List<String> names = List.of("timezone", "limit", "offset", "status", "priority", "tags", "title",
                "search", "orderBy", "order", "select", "continuationToken", "colour", "Key", "limit ", "",
                "\u00e9", "key2", "statusId", "isResolved", "createdAfter", "createdBefore", "expectedDateAfter",
                "expectedDateBefore", "lastUpdateAfter", "lastUpdateBefore", "createdafter");
        Map<String, String> query = new LinkedHashMap<>();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            query.put(pick(random, names), frequency(random,
                    w(1, () -> pick(random, List.of("-1", "0", "1", "14", "15", "1000", "1001", "100001",
                            "99999999999999999999", "1e3", "NaN", "", " ", ",", "Open,", "Open,,Closed", "ASC",
                            "status", "x_y", "%", "\u0000", "true", "FALSE", "In Progress", "2026-03-01",
                            "2026-02-30", "0000-01-01", "9999-12-31", "+999999999-12-31", "2026-03-01T24:00",
                            "2026-03-01T10:00:00+18:00", "2026-03-01T10:00:00-19:00", "2026-03-01T23:59:60Z",
                            "2026-03-01T10:00:00.1234567891Z", "1970-01-01T00:00:00Z", "\u0662\u0660\u0662\u0666"
                                    + "-03-01"))),
                    w(1, () -> pick(random, List.of(String.join(",", Collections.nCopies(200, "Open")),
                            IntStream.range(0, 150).mapToObj(n -> TOPIC + "_tag" + n)
                                    .collect(Collectors.joining(",")),
                            "x".repeat(5000), TOPIC + "_" + "y".repeat(300)))),
                    w(1, () -> anyString(random, 0, 30))));
        }
        return query;
    }

    private static Map<String, String> headers(Random random) {
        List<String> names = List.of("continuationToken", "Idempotency-Key", "If-Match", "Content-Type",
                "X-Anything");
        Map<String, String> headers = new LinkedHashMap<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            headers.put(pick(random, names), frequency(random,
                    w(1, () -> printable(random, 300)),
                    w(1, () -> pick(random, List.of("*", "\"1\"", "\"-1\"", "application/json", "text/plain",
                            "x".repeat(5000), "eyJ2IjoxfQ.c2ln", "multipart/form-data; boundary=b",
                            "multipart/form-data")))));
        }
        return headers;
    }

    private static String body(Random random, Route route) {
        if (!route.writes()) {
            return random.nextBoolean() ? null : "{}";
        }
        return frequency(random,
                w(8, () -> route.bodyTemplate().replace("FIELD", "\"" + pick(random, route.fields()) + "\"")
                        .replace("VALUE", value(random))),
                w(2, () -> rawBody(random)));
    }

    /** JSON texts for one field: wrong types, out of range, oversized, unstorable; some are not JSON at all. */
    private static String value(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "\"" + "x".repeat(pick(random, List.of(256, 10_001, 16_001, 40_000, 300_000))) + "\"";
            case 1 -> "{\"" + PEOPLE + "\": " + IntStream.range(0, 1 + random.nextInt(120))
                    .mapToObj(i -> "{\"id\": \"p" + i + "\", \"name\": \"" + "n".repeat(200) + "\"}")
                    .collect(Collectors.joining(", ", "[", "]")) + "}";
            case 2 -> IntStream.range(0, 1 + random.nextInt(70))
                    .mapToObj(i -> "{\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"t" + UUID.randomUUID() + "\"}")
                    .collect(Collectors.joining(", ", "[", "]"));
            case 3 -> pick(random, List.of(
                    "{\"" + DATE + "\": \"+999999999-12-31T23:59:59Z\"}", "{\"" + DATE + "\": \"0000-01-01\"}",
                    "{\"" + AREA + "\": \"a\\ud800b\"}", "{\"" + AREA + "\": 1e400}", "{\"" + MULTI + "\": ["
                            + "\"x\",".repeat(150) + "\"x\"]}", "{\"unknown\": 1}", "{\"" + AREA
                                    + "\": {\"a\": [1]}}"));
            case 4 -> Json.write(com.fasterxml.jackson.databind.node.TextNode.valueOf(anyString(random, 0, 50)));
            default -> pick(random, List.of("null", "true", "0", "-0", "1e400", "-1e400", "1E-131",
                    "1" + "0".repeat(39), "9".repeat(250), "{}", "[]", "\"\"", "\" \"", "\"\\ud800\"",
                    "\"a\\udc00\"", "\"+999999999-12-31T23:59:59Z\"", "\"0000-01-01T00:00:00Z\"", "\"-0001-01-01\"",
                    "\"9999-12-31T23:59:59Z\"", "\"2023-07-26T17:00:00Z\"", "\"Urgent\"", "\"Resolved\"",
                    "\"Closed\"", "{\"id\": \"\\ud800\"}", "{\"id\": \"" + "i".repeat(300) + "\"}",
                    "[" + "[".repeat(100) + "]".repeat(100) + "]", "[1,", "'single'", "NaN"));
        };
    }

    private static String rawBody(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> {
                int depth = pick(random, List.of(10, 70, 1_500, 5_000));
                yield "[".repeat(depth) + "]".repeat(depth);
            }
            case 1 -> "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500);
            case 2 -> pick(random, List.of("{\"ticket\": {\"title\": " + "9".repeat(2_000) + "}}", "", " ", "null",
                    "[]", "1", "\"\\ud800\"", "{", "{\"ticket\": {\"title\": \"\\ud800\"}}", VALID_CREATE + "x",
                    "\u00ff\u00fe"));
            default -> anyString(random, 0, 200);
        };
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A generator of values with its relative weight. */
    private record Weighted(int weight, Supplier<String> values) {
    }

    private static Weighted w(int weight, Supplier<String> values) {
        return new Weighted(weight, values);
    }

    /** A value of one of the generators, chosen by weight. */
    private static String frequency(Random random, Weighted... generators) {
        int roll = random.nextInt(Stream.of(generators).mapToInt(Weighted::weight).sum());
        for (Weighted generator : generators) {
            roll -= generator.weight();
            if (roll < 0) {
                return generator.values().get();
            }
        }
        throw new IllegalStateException("weights are positive");
    }

    /** Any UTF-16 code units, lone surrogates and controls included. */
    private static String anyString(Random random, int minLength, int maxLength) {
        char[] chars = new char[minLength + random.nextInt(maxLength - minLength + 1)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : random.nextInt(0x80));
        }
        return new String(chars);
    }

    private static String printable(Random random, int maxLength) {
        char[] chars = new char[random.nextInt(maxLength + 1)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (' ' + random.nextInt('~' - ' ' + 1));
        }
        return new String(chars);
    }

    /** What a refused write must leave as it was: every ticket's number and versions, and ticket 1's history. */
    record State(JsonNode tickets, JsonNode ticket1, int activities1) {

        static State read() throws Exception {
            com.fasterxml.jackson.databind.node.ArrayNode tickets = Json.MAPPER.createArrayNode();
            Map<String, String> token = Map.of();
            do {
                JsonNode page = Json.parse(send("GET", "/tickets", Map.of("limit", "1000", "select",
                        "ticketId,lastUpdatedOn,lastInteraction,status"), token, null).body());
                tickets.addAll((com.fasterxml.jackson.databind.node.ArrayNode) page.get("items"));
                token = page.hasNonNull("continuationToken")
                        ? Map.of("continuationToken", page.get("continuationToken").asText()) : null;
            } while (token != null);
            JsonNode ticket1 = Json.parse(send("GET", "/tickets/1", Map.of(), Map.of(), null).body());
            JsonNode activities = Json.parse(send("GET", "/tickets/1/activities", Map.of("limit", "1000"), Map.of(),
                    null).body());
            return new State(tickets, ticket1, activities.get("items").size());
        }

        long lastTicketNumber() {
            long max = 0;
            for (JsonNode ticket : tickets) {
                max = Math.max(max, ticket.get("ticketId").asLong());
            }
            assertThat(max).as("ticket numbers have no gap").isEqualTo(tickets.size());
            return max;
        }
    }

    private static void assertErrorShape(Request request, HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).as(request.toString())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode error = Json.parse(response.body());
        assertThat(error).as(request + " answered " + response.body()).isNotNull();
        assertThat(error.path("error").asBoolean()).as(response.body()).isTrue();
        assertThat(error.path("statusCode").asInt()).as(response.body()).isEqualTo(response.statusCode());
        assertThat(error.path("code").isTextual()).as(response.body()).isTrue();
        assertThat(error.path("message").isTextual()).as(response.body()).isTrue();
        assertThat(error.path("details").isArray()).as(response.body()).isTrue();
        for (JsonNode detail : error.get("details")) {
            assertThat(detail.path("field").isTextual()).as(response.body()).isTrue();
            assertThat(detail.path("message").isTextual()).as(response.body()).isTrue();
        }
    }

    private static HttpResponse<String> send(String method, String path, Map<String, String> query,
                                             Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        StringBuilder uri = new StringBuilder(sandbox.baseUri().toString()).append(path).append("?key=")
                .append(URLEncoder.encode(sandbox.primaryKey(), StandardCharsets.UTF_8));
        query.forEach((name, value) -> uri.append('&').append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString()))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
