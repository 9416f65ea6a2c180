package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.json.Json;
import dev.ticketing.testkit.LocalDynamoDb;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated hostile requests against every route of a running sandbox (real HTTP, authorizer and functions): the
 * answer is never a 5xx, every 4xx has the project's JSON error shape, and a refused write changes nothing: no
 * ticket, version or activity changes, and no ticket number is lost.
 */
class HostileRequestsIT {

    /** About a minute on a two-core machine: each refused write also reads the state twice and creates a ticket. */
    private static final int TRIES = 150;
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
            new Route("GET", "/tags", null, List.of()));

    @BeforeContainer
    static void startSandbox() throws Exception {
        engine = LocalDynamoDb.start();
        sandbox = Sandbox.start(Options.defaults()
                .withPort(0)
                .withDynamoDbEndpoint(engine.endpoint())
                .withTableName("HostileRequestsIT-" + UUID.randomUUID().toString().substring(0, 8))
                .withThrottling(false));
        assertThat(send("POST", "/tickets", Map.of(), Map.of(), VALID_CREATE).statusCode()).isEqualTo(201);
    }

    @AfterContainer
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
    void hostileRequests_neverAnswer5xx_andRefusedWritesChangeNothing(@ForAll("requests") Request request)
            throws Exception {
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

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<Route> route = Arbitraries.of(ROUTES);
        return route.flatMap(r -> Combinators.combine(ticketIds(), queries(), headers(), body(r))
                .as((ticketId, query, headers, body) -> new Request(r, ticketId, query, headers, body)));
    }

    private static Arbitrary<String> ticketIds() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("1")),
                Tuple.of(1, Arbitraries.of("0", "-1", "99999999999999999999", "1e3", " 1", "%",
                        "00000000-0000-0000-0000-000000000000", "x".repeat(3000), "..", "\u00e9\u4e2d")),
                Tuple.of(1, Arbitraries.strings().ofMinLength(1).ofMaxLength(40)));
    }

    private static Arbitrary<Map<String, String>> queries() {
        Arbitrary<String> names = Arbitraries.of("timezone", "limit", "offset", "status", "priority", "tags", "title",
                "search", "orderBy", "order", "select", "continuationToken", "colour", "Key", "limit ", "",
                "\u00e9", "key2");
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of("-1", "0", "1", "14", "15", "1000", "1001", "100001", "99999999999999999999", "1e3",
                        "NaN", "", " ", ",", "Open,", "Open,,Closed", "ASC", "status", "x_y", "%", "\u0000"),
                Arbitraries.of(String.join(",", java.util.Collections.nCopies(200, "Open")),
                        IntStream.range(0, 150).mapToObj(i -> TOPIC + "_tag" + i).collect(Collectors.joining(",")),
                        "x".repeat(5000), TOPIC + "_" + "y".repeat(300)),
                Arbitraries.strings().ofMaxLength(30));
        return Arbitraries.maps(names, values).ofMaxSize(4);
    }

    private static Arbitrary<Map<String, String>> headers() {
        Arbitrary<String> printable = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300);
        Arbitrary<String> names = Arbitraries.of("continuationToken", "Idempotency-Key", "If-Match", "Content-Type",
                "X-Anything");
        return Arbitraries.maps(names, Arbitraries.oneOf(printable, Arbitraries.of("*", "\"1\"", "\"-1\"",
                "application/json", "text/plain", "x".repeat(5000), "eyJ2IjoxfQ.c2ln"))).ofMaxSize(3);
    }

    private static Arbitrary<String> body(Route route) {
        if (!route.writes()) {
            return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.just("{}"));
        }
        Arbitrary<String> filled = Combinators.combine(Arbitraries.of(route.fields()), values())
                .as((field, value) -> route.bodyTemplate().replace("FIELD", "\"" + field + "\"")
                        .replace("VALUE", value));
        return Arbitraries.frequencyOf(
                Tuple.of(8, filled),
                Tuple.of(2, rawBodies()));
    }

    /** JSON texts for one field: wrong types, out of range, oversized, unstorable; some are not JSON at all. */
    private static Arbitrary<String> values() {
        Arbitrary<String> longText = Arbitraries.of(256, 10_001, 16_001, 40_000, 300_000)
                .map(n -> "\"" + "x".repeat(n) + "\"");
        Arbitrary<String> people = Arbitraries.integers().between(1, 120).map(n -> "{\"" + PEOPLE + "\": "
                + IntStream.range(0, n).mapToObj(i -> "{\"id\": \"p" + i + "\", \"name\": \"" + "n".repeat(200)
                + "\"}").collect(Collectors.joining(", ", "[", "]")) + "}");
        Arbitrary<String> tags = Arbitraries.integers().between(1, 70).map(n -> IntStream.range(0, n)
                .mapToObj(i -> "{\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"t" + UUID.randomUUID() + "\"}")
                .collect(Collectors.joining(", ", "[", "]")));
        Arbitrary<String> customValues = Arbitraries.of(
                "{\"" + DATE + "\": \"+999999999-12-31T23:59:59Z\"}", "{\"" + DATE + "\": \"0000-01-01\"}",
                "{\"" + AREA + "\": \"a\\ud800b\"}", "{\"" + AREA + "\": 1e400}", "{\"" + MULTI + "\": ["
                        + "\"x\",".repeat(150) + "\"x\"]}", "{\"unknown\": 1}", "{\"" + AREA + "\": {\"a\": [1]}}");
        Arbitrary<String> fixed = Arbitraries.of("null", "true", "0", "-0", "1e400", "-1e400", "1E-131",
                "1" + "0".repeat(39), "9".repeat(250), "{}", "[]", "\"\"", "\" \"", "\"\\ud800\"", "\"a\\udc00\"",
                "\"+999999999-12-31T23:59:59Z\"", "\"0000-01-01T00:00:00Z\"", "\"-0001-01-01\"",
                "\"9999-12-31T23:59:59Z\"", "\"2023-07-26T17:00:00Z\"", "\"Urgent\"", "\"Resolved\"", "\"Closed\"",
                "{\"id\": \"\\ud800\"}", "{\"id\": \"" + "i".repeat(300) + "\"}", "[" + "[".repeat(100)
                        + "]".repeat(100) + "]", "[1,", "'single'", "NaN");
        Arbitrary<String> random = Arbitraries.strings().ofMaxLength(50).map(s -> Json.write(
                com.fasterxml.jackson.databind.node.TextNode.valueOf(s)));
        return Arbitraries.oneOf(fixed, longText, people, tags, customValues, random);
    }

    private static Arbitrary<String> rawBodies() {
        return Arbitraries.oneOf(
                Arbitraries.of(10, 70, 1_500, 5_000).map(n -> "[".repeat(n) + "]".repeat(n)),
                Arbitraries.of(1_500).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)),
                Arbitraries.of("{\"ticket\": {\"title\": " + "9".repeat(2_000) + "}}", "", " ", "null", "[]", "1",
                        "\"\\ud800\"", "{", "{\"ticket\": {\"title\": \"\\ud800\"}}", VALID_CREATE + "x",
                        "\u00ff\u00fe"),
                Arbitraries.strings().ofMaxLength(200));
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
        JsonNode error = Json.parse(response.body()).get("error");
        assertThat(error).as(request + " answered " + response.body()).isNotNull();
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
