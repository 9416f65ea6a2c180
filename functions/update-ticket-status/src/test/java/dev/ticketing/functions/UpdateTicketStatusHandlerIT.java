package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.service.PageRequest;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.model.Activity;
import dev.ticketing.model.ActivityType;
import dev.ticketing.model.Ticket;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbEngine.class)
class UpdateTicketStatusHandlerIT {

    private static UpdateTicketStatusHandler handler;
    private static Dependencies deps;

    @BeforeAll
    static void setUp(TestTable table) {
        deps = Fixtures.dependencies(table);
        Fixtures.createDemoInstance(deps, Fixtures.DEMO_INSTANCE_ID, Fixtures.DEMO_PRIMARY_KEY);
        deps.ticketService().create(Fixtures.DEMO_INSTANCE_ID,
                Fixtures.referenceExampleJson("create-ticket-example-1.json"));
        handler = new UpdateTicketStatusHandler(deps.ticketLifecycleService());
    }

    @Test
    void referenceExampleByPost_resolves_thenPutMovesOn_andAForbiddenMoveAnswers409NamingTheStatus()
            throws Exception {
        APIGatewayProxyResponseEvent resolved =
                handler.handle(Fixtures.proxyEvent("update-ticket-status.json"), null);

        assertThat(resolved.getStatusCode()).isEqualTo(200);
        JsonNode item = Json.parse(resolved.getBody()).get("item");
        assertThat(item.get("status").asText()).isEqualTo("Resolved");
        assertThat(item.get("resolution").asText()).isEqualTo("fixed");
        assertThat(item.get("lastResolutionComment").asText()).isEqualTo("Great job!");

        APIGatewayProxyResponseEvent closed = handler.handle(byPut("{\"status\": \" Closed\", "
                + "\"user\": {\"id\": \"agent-1\"}}"), null);
        assertThat(closed.getStatusCode()).isEqualTo(200);
        assertThat(Json.parse(closed.getBody()).at("/item/status").asText()).isEqualTo("Closed");

        APIGatewayProxyResponseEvent backToOpen = handler.handle(byPut("{\"status\": \"Open\", "
                + "\"user\": {\"id\": \"agent-1\"}}"), null);
        assertThat(backToOpen.getStatusCode()).isEqualTo(409);
        assertThat(Json.parse(backToOpen.getBody()).at("/message").asText()).contains("is Closed");
    }

    @Test
    void unknownStatus_answers400_listingTheStatuses() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handle(byPut("{\"status\": \"Done\", "
                + "\"user\": {\"id\": \"agent-1\"}}"), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Json.parse(response.getBody()).at("/message").asText())
                .contains("status: must be one of Open, Reopened, Started, Resolved, Closed");
    }

    @Test
    void statusChange_recordsAStatusChangeActivity_withItsUserAndMove() throws Exception {
        String instance = Fixtures.createDemoInstance(deps).instanceId();
        Ticket ticket = deps.ticketService().create(instance,
                Fixtures.referenceExampleJson("create-ticket-example-1.json"));
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("update-ticket-status.json");
        event.getRequestContext().setAuthorizer(Map.of("instanceId", instance));

        APIGatewayProxyResponseEvent response = handler.handle(event, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        List<Activity> history = deps.ticketLifecycleService()
                .activities(instance, ticket.id(), PageRequest.first(100), true).items();
        assertThat(history).extracting(Activity::type)
                .containsExactly(ActivityType.created, ActivityType.statusChange);
        Activity change = history.get(1);
        assertThat(change.user().id()).isEqualTo("23424-xxxx-xxxx-xxxx-xxxxxxxxxxx");
        assertThat(change.details().get("from").asText()).isEqualTo("Open");
        assertThat(change.details().get("to").asText()).isEqualTo("Resolved");
        assertThat(change.details().get("comment").asText()).isEqualTo("Great job!");
    }

    @Test
    void disabledInstance_answers403_andLeavesItsTicketUnchanged() throws Exception {
        Ticket ticket = Fixtures.ticketOfADisabledInstance(deps);
        String disabled = ticket.instanceId();

        APIGatewayProxyResponseEvent response =
                handler.handle(Fixtures.proxyEvent("update-ticket-status.json", disabled), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(Json.parse(response.getBody()).at("/code").asText()).isEqualTo("Forbidden");
        assertThat(deps.ticketStore().findByNumber(disabled, ticket.ticketId())).contains(ticket);
    }

    private static APIGatewayProxyRequestEvent byPut(String body) {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("update-ticket-status.json")
                .withHttpMethod("PUT").withBody(body);
        event.getRequestContext().setHttpMethod("PUT");
        return event;
    }
}
