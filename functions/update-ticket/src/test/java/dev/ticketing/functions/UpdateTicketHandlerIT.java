package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.model.Ticket;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbEngine.class)
class UpdateTicketHandlerIT {

    private static UpdateTicketHandler handler;
    private static Dependencies deps;

    @BeforeAll
    static void setUp(TestTable table) {
        deps = Fixtures.dependencies(table);
        Fixtures.createDemoInstance(deps, Fixtures.DEMO_INSTANCE_ID, Fixtures.DEMO_PRIMARY_KEY);
        deps.ticketService().create(Fixtures.DEMO_INSTANCE_ID,
                Fixtures.referenceExampleJson("create-ticket-example-1.json"));
        handler = new UpdateTicketHandler(deps.ticketLifecycleService());
    }

    @Test
    void sampleEvent_appliesTheReferenceExample_andAnswersTheNewETag() throws Exception {
        APIGatewayProxyResponseEvent first = handler.handle(Fixtures.proxyEvent("update-ticket.json"), null);

        assertThat(first.getStatusCode()).isEqualTo(200);
        JsonNode item = Json.parse(first.getBody()).get("item");
        assertThat(item.get("title").asText()).isEqualTo("My 2nd ticket");
        assertThat(item.get("priority").asText()).isEqualTo("Urgent");
        assertThat(item.at("/customFields/dcd58c80-xxxx-xxxx-xxxx-xxxxxxxxxxxxxxx/0/name").asText())
                .isEqualTo("Allan Deyoung");
        String etag = first.getHeaders().get("ETag");
        assertThat(etag).matches("\"[0-9]+\"");

        APIGatewayProxyResponseEvent second = handler.handle(withIfMatch(etag), null);
        assertThat(second.getStatusCode()).isEqualTo(200);
        assertThat(second.getHeaders().get("ETag")).isNotEqualTo(etag);
    }

    @Test
    void staleIfMatch_answers412_inTheErrorShape() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handle(withIfMatch("\"999\""), null);

        assertThat(response.getStatusCode()).isEqualTo(412);
        assertThat(Json.parse(response.getBody()).at("/code").asText()).isEqualTo("PreconditionFailed");
    }

    @Test
    void invalidUpdate_answers400_namingTheField() throws Exception {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("update-ticket.json")
                .withBody("{\"updates\": {\"priority\": \"Critical\"}, \"user\": {\"id\": \"u1\"}}");

        APIGatewayProxyResponseEvent response = handler.handle(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Json.parse(response.getBody()).at("/details/0/field").asText()).isEqualTo("updates.priority");
    }

    @Test
    void disabledInstance_answers403_andLeavesItsTicketUnchanged() throws Exception {
        Ticket ticket = Fixtures.ticketOfADisabledInstance(deps);
        String disabled = ticket.instanceId();

        APIGatewayProxyResponseEvent response =
                handler.handle(Fixtures.proxyEvent("update-ticket.json", disabled), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(Json.parse(response.getBody()).at("/code").asText()).isEqualTo("Forbidden");
        assertThat(deps.ticketStore().findByNumber(disabled, ticket.ticketId())).contains(ticket);
    }

    private static APIGatewayProxyRequestEvent withIfMatch(String etag) {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("update-ticket.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("If-Match", etag);
        return event.withHeaders(headers);
    }
}
