package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.model.Ticket;
import dev.ticketing.service.TicketLifecycleService;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbEngine.class)
class ListActivitiesHandlerIT {

    private static ListActivitiesHandler handler;

    @BeforeAll
    static void setUp(TestTable table) {
        Dependencies deps = Fixtures.dependencies(table);
        Fixtures.createDemoInstance(deps, Fixtures.DEMO_INSTANCE_ID, Fixtures.DEMO_PRIMARY_KEY);
        Ticket ticket = deps.ticketService().create(Fixtures.DEMO_INSTANCE_ID,
                Fixtures.referenceExampleJson("create-ticket-example-1.json"));
        TicketLifecycleService lifecycle = deps.ticketLifecycleService();
        for (int i = 0; i < 4; i++) {
            lifecycle.addComment(Fixtures.DEMO_INSTANCE_ID, ticket.id(), Json.MAPPER.valueToTree(
                    Map.of("comment", "comment " + i, "user", Map.of("id", "agent-1"))));
        }
        handler = new ListActivitiesHandler(lifecycle);
    }

    @Test
    void sampleEvent_listsTheHistoryOldestFirst_inTheRequestedTimezone() throws Exception {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("list-activities.json");
        event.setQueryStringParameters(new HashMap<>(Map.of("timezone", "7")));
        event.setMultiValueQueryStringParameters(null);

        APIGatewayProxyResponseEvent response = handler.handle(event, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = Json.parse(response.getBody());
        assertThat(body.get("items")).hasSize(5);
        assertThat(body.at("/items/0/type").asText()).isEqualTo("created");
        assertThat(body.at("/items/1/comment").asText()).isEqualTo("comment 0");
        assertThat(body.at("/items/0/createdOn").asText()).endsWith("+07:00");
        assertThat(body.has("continuationToken")).isFalse();
    }

    @Test
    void limitAndContinuationToken_pageThroughEveryActivityOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, String> query = new HashMap<>(Map.of("limit", "2"));
            if (token != null) {
                query.put("continuationToken", token);
            }
            APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("list-activities.json");
            event.setQueryStringParameters(query);
            event.setMultiValueQueryStringParameters(null);
            JsonNode body = Json.parse(handler.handle(event, null).getBody());
            body.get("items").forEach(a -> ids.add(a.get("id").asText()));
            token = body.has("continuationToken") ? body.get("continuationToken").asText() : null;
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void invalidLimitOrToken_answers400_namingTheParameter() throws Exception {
        for (Map<String, String> query : List.of(Map.of("limit", "0"), Map.of("limit", "x"),
                Map.of("continuationToken", "forged.token"))) {
            APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("list-activities.json");
            event.setQueryStringParameters(query);
            event.setMultiValueQueryStringParameters(null);

            APIGatewayProxyResponseEvent response = handler.handle(event, null);

            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(Json.parse(response.getBody()).at("/details/0/field").asText())
                    .isEqualTo(query.keySet().iterator().next());
        }
    }
}
