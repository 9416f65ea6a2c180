package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /tickets' date and status filters and {@code itemCount} through the handler, on tickets created through the
 * service: a whole day is read in the {@code timezone} offset, After includes its instant and Before excludes it.
 */
@ExtendWith(DynamoDbEngine.class)
class ListTicketsFiltersHandlerIT {

    /** Ticket number -> expected date; ticket 6 has none, ticket 7 is resolved. */
    private static final Map<Integer, String> DUE = new LinkedHashMap<>();

    static {
        DUE.put(1, "2026-03-01");
        DUE.put(2, "2026-03-01T16:59:59.999Z");
        DUE.put(3, "2026-03-01T17:00:00Z");
        DUE.put(4, "2026-03-02T04:59:59.999Z");
        DUE.put(5, "2026-03-02T05:00:00Z");
        DUE.put(6, null);
        DUE.put(7, "2026-03-01T12:00:00+02:00");
    }

    private static ListTicketsHandler handler;
    private static String instanceId;

    @BeforeAll
    static void setUp(TestTable table) {
        Dependencies deps = Fixtures.dependencies(table);
        instanceId = Fixtures.createDemoInstance(deps).instanceId();
        // Another instance with tickets of its own, which no filter or count of this one may include.
        String other = Fixtures.createDemoInstance(deps).instanceId();
        for (Map.Entry<Integer, String> due : DUE.entrySet()) {
            ObjectNode body = Fixtures.referenceExampleJson("create-ticket-example-1.json").deepCopy();
            if (due.getValue() != null) {
                ((ObjectNode) body.get("ticket")).put("expectedDate", due.getValue());
            }
            deps.ticketService().create(instanceId, body);
            deps.ticketService().create(other, body);
        }
        ObjectNode resolve = Json.object().put("status", "Resolved");
        resolve.set("user", Json.MAPPER.valueToTree(Map.of("id", "agent-1", "name", "Agent")));
        deps.ticketLifecycleService().changeStatus(instanceId, "7", resolve);
        handler = new ListTicketsHandler(deps.ticketListService());
    }

    @Test
    void aWholeDay_isThatDayInTheTimezoneOffset() throws Exception {
        Map<String, String> marchFirst = Map.of("expectedDateAfter", "2026-03-01", "expectedDateBefore", "2026-03-02");

        assertThat(numbers(ok(with(marchFirst, "timezone", "0")))).containsExactly(1, 2, 3, 7);
        assertThat(numbers(ok(with(marchFirst, "timezone", "7")))).containsExactly(1, 2, 7);
        assertThat(numbers(ok(with(marchFirst, "timezone", "-5")))).containsExactly(2, 3, 4, 7);
    }

    @Test
    void dateTimes_areInstants_afterIncluded_beforeExcluded_andLocalOnesAreInTheOffset() throws Exception {
        assertThat(numbers(ok(Map.of("expectedDateAfter", "2026-03-01T17:00:00Z")))).containsExactly(3, 4, 5);
        assertThat(numbers(ok(Map.of("expectedDateBefore", "2026-03-01T17:00:00Z")))).containsExactly(1, 2, 7);
        assertThat(numbers(ok(Map.of("expectedDateBefore", "2026-03-02T00:00:00", "timezone", "7"))))
                .containsExactly(1, 2, 7);
        assertThat(numbers(ok(Map.of("expectedDateAfter", "2026-03-02T00:00:00+05:00", "timezone", "-12"))))
                .as("its own offset, not the timezone's").containsExactly(4, 5);
    }

    @Test
    void dateAndStatusFilters_combine_andAPageThatReadsToTheEnd_countsItsMatches() throws Exception {
        JsonNode unresolved = ok(Map.of("expectedDateAfter", "2026-03-01", "isResolved", "false", "limit", "50"));
        JsonNode resolved = ok(Map.of("expectedDateAfter", "2026-03-01", "statusId", "Resolved"));

        assertThat(numbers(unresolved)).containsExactly(1, 2, 3, 4, 5);
        assertThat(unresolved.get("itemCount").asLong()).isEqualTo(5);
        assertThat(unresolved.has("continuationToken")).isFalse();
        assertThat(numbers(resolved)).containsExactly(7);
    }

    @Test
    void itemCount_fromTheCounts_onEveryPageOfAWalk_andAbsentWhenUnknown() throws Exception {
        JsonNode first = ok(Map.of("isResolved", "false", "limit", "2", "select", "ticketId"));
        assertThat(first.get("itemCount").asLong()).isEqualTo(6);
        assertThat(ok(Map.of("limit", "1")).get("itemCount").asLong()).isEqualTo(7);
        assertThat(ok(Map.of("priority", "Medium", "limit", "1")).get("itemCount").asLong()).isEqualTo(7);
        assertThat(ok(Map.of("status", "Resolved,Closed", "limit", "1")).get("itemCount").asLong()).isEqualTo(1);

        List<Integer> walked = new ArrayList<>(numbers(first));
        JsonNode page = first;
        while (page.has("continuationToken")) {
            Map<String, String> next = new HashMap<>(Map.of("isResolved", "false", "limit", "2", "select",
                    "ticketId", "continuationToken", page.get("continuationToken").asText()));
            page = ok(next);
            assertThat(page.get("itemCount").asLong()).isEqualTo(6);
            walked.addAll(numbers(page));
        }
        assertThat(walked).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);

        JsonNode unknown = ok(Map.of("expectedDateAfter", "2026-03-01", "limit", "1"));
        assertThat(unknown.has("continuationToken")).isTrue();
        assertThat(unknown.has("itemCount")).isFalse();
    }

    @Test
    void badValues_answer400_namingEachParameter_andTheExpectedForm() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handle(event(Map.of("createdAfter", "2026-02-30",
                "lastUpdateBefore", "yesterday", "isResolved", "yes", "statusId", "Done")), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode details = Json.parse(response.getBody()).at("/details");
        assertThat(details.findValuesAsText("field")).containsExactlyInAnyOrder("createdAfter", "lastUpdateBefore",
                "isResolved", "statusId");
        assertThat(details.findValuesAsText("message")).anyMatch(m -> m.contains("YYYY-MM-DD"))
                .anyMatch(m -> m.contains("true or false"));
    }

    @Test
    void reversedRange_andContradictoryStatuses_answer400() throws Exception {
        assertThat(fieldsOf(handler.handle(event(Map.of("createdAfter", "2026-03-02", "createdBefore",
                "2026-03-01")), null))).containsExactly("createdBefore");
        assertThat(fieldsOf(handler.handle(event(Map.of("status", "Open", "isResolved", "true")), null)))
                .containsExactly("isResolved");
    }

    private static Map<String, String> with(Map<String, String> query, String name, String value) {
        Map<String, String> out = new HashMap<>(query);
        out.put(name, value);
        return out;
    }

    private static JsonNode ok(Map<String, String> query) throws Exception {
        Map<String, String> ordered = new HashMap<>(Map.of("orderBy", "ticketId", "order", "ASC"));
        ordered.putAll(query);
        APIGatewayProxyResponseEvent response = handler.handle(event(ordered), null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return Json.parse(response.getBody());
    }

    private static List<String> fieldsOf(APIGatewayProxyResponseEvent response) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(400);
        return Json.parse(response.getBody()).at("/details").findValuesAsText("field");
    }

    private static List<Integer> numbers(JsonNode body) {
        List<Integer> out = new ArrayList<>();
        body.get("items").forEach(i -> out.add(i.get("ticketId").asInt()));
        return out;
    }

    private static APIGatewayProxyRequestEvent event(Map<String, String> query) {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("list-tickets.json", instanceId);
        event.setQueryStringParameters(new HashMap<>(query));
        Map<String, List<String>> multi = new HashMap<>();
        query.forEach((k, v) -> multi.put(k, List.of(v)));
        event.setMultiValueQueryStringParameters(multi);
        return event;
    }
}
