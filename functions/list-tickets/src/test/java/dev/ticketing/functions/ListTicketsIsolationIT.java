package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.json.Json;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testing.OverlappingInstances.Side;
import dev.ticketing.testing.OverlappingInstances;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /tickets for two instances whose tickets share numbers, tag texts and titles. */
@ExtendWith(DynamoDbEngine.class)
class ListTicketsIsolationIT {

    private static ListTicketsHandler handler;
    private static OverlappingInstances data;

    @BeforeAll
    static void setUp(TestTable table) {
        var deps = Fixtures.dependencies(table);
        data = OverlappingInstances.create(deps);
        handler = new ListTicketsHandler(deps.ticketListService());
    }

    @Test
    void listsAndFilters_holdOnlyTheCallersTickets() throws Exception {
        String sharedTag = OverlappingInstances.TOPIC + "_" + OverlappingInstances.NEW_TAG;
        for (Side side : List.of(data.a(), data.b())) {
            assertThat(ids(side, Map.of())).containsExactlyInAnyOrder(side.full().id(), side.keyedTicketId(),
                    side.resolved().id());
            assertThat(ids(side, Map.of("tags", sharedTag))).containsExactly(side.full().id());
            assertThat(ids(side, Map.of("title", OverlappingInstances.SAME_TITLE)))
                    .containsExactly(side.keyedTicketId());
            assertThat(ids(side, Map.of("status", "Resolved"))).containsExactly(side.resolved().id());
            assertThat(ids(side, Map.of("orderBy", "assigneeName", "order", "ASC")))
                    .startsWith(side.full().id()).hasSize(3);
        }
    }

    @Test
    void continuationToken_ofOneInstance_answers400_forTheOther() throws Exception {
        JsonNode firstPage = body(handler.handle(event(data.a(), Map.of("limit", "1")), null));
        APIGatewayProxyRequestEvent withAsToken = event(data.b(), Map.of("limit", "1"));
        Map<String, String> headers = new HashMap<>(withAsToken.getHeaders());
        headers.put("continuationToken", firstPage.get("continuationToken").asText());
        withAsToken.setHeaders(headers);

        APIGatewayProxyResponseEvent response = handler.handle(withAsToken, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Json.parse(response.getBody()).at("/details/0/field").asText())
                .isEqualTo("continuationToken");
    }

    @Test
    void selectAliases_onATicketWithEveryPersonSet_eachAnswerTheirOwnValue() throws Exception {
        for (Side side : List.of(data.a(), data.b())) {
            JsonNode items = body(handler.handle(event(side, Map.of("orderBy", "ticketId", "order", "ASC",
                    "select", "ticketId,requestorName,requestorEmail,assigneeName,assigneeEmail,createdBy,"
                            + "lastUpdatedBy,createdDateTime")), null)).get("items");
            JsonNode first = items.get(0);

            assertThat(first.get("ticketId").asLong()).isEqualTo(1);
            assertThat(first.get("requestorName").asText()).isEqualTo(side.person("Requestor"));
            assertThat(first.get("requestorEmail").asText()).isEqualTo(side.email("Requestor"));
            assertThat(first.get("assigneeName").asText()).isEqualTo(side.person("Assignee"));
            assertThat(first.get("assigneeEmail").asText()).isEqualTo(side.email("Assignee"));
            assertThat(first.at("/createdBy/name").asText()).isEqualTo(side.person("Creator"));
            // Ticket 1 was last changed by a comment whose body both instances share; ticket 3 by its resolver.
            JsonNode resolved = items.get(2);
            assertThat(resolved.get("ticketId").asLong()).isEqualTo(3);
            assertThat(resolved.at("/lastUpdatedBy/name").asText()).isEqualTo(side.person("Resolver"));
            assertThat(first.get("createdDateTime").asText()).isNotBlank();
        }
    }

    private static List<String> ids(Side side, Map<String, String> query) throws Exception {
        List<String> ids = new ArrayList<>();
        body(handler.handle(event(side, query), null)).get("items").forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    private static JsonNode body(APIGatewayProxyResponseEvent response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return Json.parse(response.getBody());
    }

    /** The sample event as {@code side}'s request, its query replaced: a wide page of ids unless told otherwise. */
    private static APIGatewayProxyRequestEvent event(Side side, Map<String, String> query) {
        APIGatewayProxyRequestEvent event = side.event("list-tickets.json", null);
        Map<String, String> parameters = new HashMap<>(Map.of("limit", "50", "select", "id,ticketId,title"));
        parameters.putAll(query);
        event.setQueryStringParameters(parameters);
        Map<String, List<String>> multi = new HashMap<>();
        parameters.forEach((k, v) -> multi.put(k, List.of(v)));
        event.setMultiValueQueryStringParameters(multi);
        return event;
    }
}
