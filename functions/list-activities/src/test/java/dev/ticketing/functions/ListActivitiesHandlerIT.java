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
    private static TicketLifecycleService lifecycle;
    private static Dependencies deps;
    private static Ticket ticket;

    @BeforeAll
    static void setUp(TestTable table) {
        deps = Fixtures.dependencies(table);
        Fixtures.createDemoInstance(deps, Fixtures.DEMO_INSTANCE_ID, Fixtures.DEMO_PRIMARY_KEY);
        ticket = deps.ticketService().create(Fixtures.DEMO_INSTANCE_ID,
                Fixtures.referenceExampleJson("create-ticket-example-1.json"));
        lifecycle = deps.ticketLifecycleService();
        for (int i = 0; i < 4; i++) {
            lifecycle.addComment(Fixtures.DEMO_INSTANCE_ID, ticket.id(), Json.MAPPER.valueToTree(
                    Map.of("comment", "comment " + i, "user", Map.of("id", "agent-1"))));
        }
        handler = new ListActivitiesHandler(lifecycle);
    }

    @Test
    void sampleEvent_listsTheHistoryNewestFirst_inTheRequestedTimezone() throws Exception {
        JsonNode body = Json.parse(handler.handle(event(Map.of("timezone", "7")), null).getBody());

        assertThat(body.get("items")).hasSize(5);
        assertThat(body.at("/items/0/comment").asText()).isEqualTo("comment 3");
        assertThat(body.at("/items/4/type").asText()).isEqualTo("created");
        assertThat(body.at("/items/0/createdOn").asText()).endsWith("+07:00");
        assertThat(body.has("continuationToken")).isFalse();
    }

    @Test
    void orderAsc_listsTheHistoryOldestFirst() throws Exception {
        JsonNode body = Json.parse(handler.handle(event(Map.of("order", "ASC")), null).getBody());

        assertThat(body.at("/items/0/type").asText()).isEqualTo("created");
        assertThat(body.at("/items/1/comment").asText()).isEqualTo("comment 0");
    }

    @Test
    void everyActivity_carriesTheLiveApisFields_besideTheReferences() throws Exception {
        JsonNode comment = Json.parse(handler.handle(event(Map.of()), null).getBody()).at("/items/0");

        assertThat(comment.get("ticketId").asText()).isEqualTo(ticket.id());
        assertThat(comment.get("ticketNo").asLong()).isEqualTo(ticket.ticketId());
        assertThat(comment.get("createdBy")).isEqualTo(comment.get("user"));
        assertThat(comment.get("createdDateTime")).isEqualTo(comment.get("createdOn"));
        assertThat(comment.get("isPrivate").asBoolean()).isFalse();
        assertThat(comment.get("attachments").isArray()).isTrue();
        assertThat(comment.get("changes").isArray()).isTrue();
    }

    @Test
    void commentHtml_isListedOnlyWhenIncluded() throws Exception {
        // A ticket of its own, so that the other tests' history stays as they expect.
        Ticket other = deps.ticketService().create(Fixtures.DEMO_INSTANCE_ID,
                Fixtures.referenceExampleJson("create-ticket-example-1.json"));
        lifecycle.addComment(Fixtures.DEMO_INSTANCE_ID, other.id(), Json.MAPPER.valueToTree(Map.of(
                "comment_HTML", "<p>Rebooted <b>twice</b><script>alert(1)</script></p>", "isPrivate", true,
                "user", Map.of("id", "agent-1"))));
        APIGatewayProxyRequestEvent plainEvent = event(Map.of());
        plainEvent.setPathParameters(Map.of("ticketId", other.id()));
        APIGatewayProxyRequestEvent htmlEvent = event(Map.of("include", "comment_HTML"));
        htmlEvent.setPathParameters(Map.of("ticketId", other.id()));

        JsonNode plain = Json.parse(handler.handle(plainEvent, null).getBody()).at("/items/0");
        JsonNode html = Json.parse(handler.handle(htmlEvent, null).getBody()).at("/items/0");

        assertThat(plain.get("comment").asText()).isEqualTo("Rebooted twice");
        assertThat(plain.get("isPrivate").asBoolean()).isTrue();
        assertThat(plain.has("comment_HTML")).isFalse();
        assertThat(html.get("comment_HTML").asText()).isEqualTo("<p>Rebooted <b>twice</b></p>");
    }

    private static APIGatewayProxyRequestEvent event(Map<String, String> query) throws Exception {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("list-activities.json");
        event.setQueryStringParameters(new HashMap<>(query));
        event.setMultiValueQueryStringParameters(null);
        return event;
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
                Map.of("continuationToken", "forged.token"), Map.of("order", "up"),
                Map.of("include", "description_HTML"))) {
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
