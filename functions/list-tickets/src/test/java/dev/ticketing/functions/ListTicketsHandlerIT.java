package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.model.Ticket;
import dev.ticketing.store.dynamodb.SampleTickets;
import dev.ticketing.store.dynamodb.TicketLoader;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbEngine.class)
class ListTicketsHandlerIT {

    private static ListTicketsHandler handler;
    private static List<Ticket> tickets;

    @BeforeAll
    static void setUp(TestTable table) {
        Dependencies deps = Fixtures.dependencies(table);
        Fixtures.createDemoInstance(deps, Fixtures.DEMO_INSTANCE_ID, Fixtures.DEMO_PRIMARY_KEY);
        tickets = SampleTickets.generate(Fixtures.DEMO_INSTANCE_ID, 1, 45, 3);
        TicketLoader.put(table.client(), table.tableName(), tickets);
        handler = new ListTicketsHandler(deps.ticketListService());
    }

    /** The reference's example: orderBy=status&order=ASC&select=id,ticketId,title,description,status,requestorName. */
    @Test
    void referenceExample_returnsTwentySelectedTicketsInWorkflowOrder_thenTheRestByToken() throws Exception {
        APIGatewayProxyResponseEvent first = handler.handle(Fixtures.proxyEvent("list-tickets.json"), null);

        assertThat(first.getStatusCode()).isEqualTo(200);
        JsonNode body = Json.parse(first.getBody());
        List<Long> expected = tickets.stream()
                .sorted(Comparator.comparing((Ticket t) -> t.status().ordinal()).thenComparingLong(Ticket::ticketId))
                .map(Ticket::ticketId).toList();
        assertThat(numbers(body)).containsExactlyElementsOf(expected.subList(0, 20));
        JsonNode item = body.get("items").get(0);
        assertThat(item.fieldNames()).toIterable()
                .containsExactly("id", "ticketId", "title", "description", "status", "requestorName");
        Ticket ticket = tickets.stream().filter(t -> t.ticketId() == item.get("ticketId").asLong()).findFirst()
                .orElseThrow();
        assertThat(item.get("requestorName").asText()).isEqualTo(ticket.requestor().name());

        List<Long> walked = new ArrayList<>(numbers(body));
        while (body.hasNonNull("continuationToken")) {
            APIGatewayProxyResponseEvent next = handler.handle(
                    withHeader(Fixtures.proxyEvent("list-tickets.json"), body.get("continuationToken").asText()), null);
            assertThat(next.getStatusCode()).isEqualTo(200);
            body = Json.parse(next.getBody());
            walked.addAll(numbers(body));
        }
        assertThat(walked).containsExactlyElementsOf(expected);
    }

    @Test
    void invalidParameters_answer400_namingEachOne() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handle(withQuery(Map.of(
                "limit", "1001", "orderBy", "colour", "priority", "High")), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode error = Json.parse(response.getBody());
        assertThat(error.get("code").asText()).isEqualTo("ValidationError");
        assertThat(error.get("details").findValuesAsText("field")).containsExactlyInAnyOrder("limit", "orderBy",
                "priority");
    }

    @Test
    void unknownSelectField_andBadTimezone_answer400() throws Exception {
        assertThat(fieldOf(handler.handle(withQuery(Map.of("select", "id,nope")), null))).isEqualTo("select");
        assertThat(fieldOf(handler.handle(withQuery(Map.of("timezone", "15")), null))).isEqualTo("timezone");
    }

    @Test
    void tokenSentWithOtherFilters_answers400_namingContinuationToken() throws Exception {
        JsonNode first = Json.parse(handler.handle(Fixtures.proxyEvent("list-tickets.json"), null).getBody());
        APIGatewayProxyRequestEvent changed = withQuery(Map.of("status", "Open"));

        APIGatewayProxyResponseEvent response = handler.handle(
                withHeader(changed, first.get("continuationToken").asText()), null);

        assertThat(fieldOf(response)).isEqualTo("continuationToken");
    }

    @Test
    void datesAreRenderedInTheRequestedTimezone() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handle(withQuery(Map.of(
                "timezone", "7", "select", "ticketId,createdOn", "orderBy", "ticketId", "order", "ASC", "limit", "1")),
                null);

        JsonNode item = Json.parse(response.getBody()).get("items").get(0);
        assertThat(item.get("createdOn").asText()).isEqualTo("2026-01-01T15:00:00+07:00");
    }

    private static String fieldOf(APIGatewayProxyResponseEvent response) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(400);
        return Json.parse(response.getBody()).at("/details/0/field").asText();
    }

    private static List<Long> numbers(JsonNode body) {
        List<Long> out = new ArrayList<>();
        body.get("items").forEach(i -> out.add(i.get("ticketId").asLong()));
        return out;
    }

    private static APIGatewayProxyRequestEvent withQuery(Map<String, String> changes) {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("list-tickets.json");
        Map<String, String> query = new HashMap<>(event.getQueryStringParameters());
        query.putAll(changes);
        event.setQueryStringParameters(query);
        Map<String, List<String>> multi = new HashMap<>();
        query.forEach((k, v) -> multi.put(k, List.of(v)));
        event.setMultiValueQueryStringParameters(multi);
        return event;
    }

    private static APIGatewayProxyRequestEvent withHeader(APIGatewayProxyRequestEvent event, String token) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("continuationToken", token);
        event.setHeaders(headers);
        return event;
    }
}
