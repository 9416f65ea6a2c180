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
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbEngine.class)
class GetTicketHandlerIT {

    private static GetTicketHandler handler;
    private static Ticket ticket;
    private static Dependencies deps;

    @BeforeAll
    static void setUp(TestTable table) {
        deps = Fixtures.dependencies(table);
        Fixtures.createDemoInstance(deps, Fixtures.DEMO_INSTANCE_ID, Fixtures.DEMO_PRIMARY_KEY);
        ticket = deps.ticketService().create(Fixtures.DEMO_INSTANCE_ID,
                Fixtures.referenceExampleJson("create-ticket-example-1.json"));
        handler = new GetTicketHandler(deps.ticketService());
    }

    @Test
    void sampleEvent_returnsTicketOne() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handle(Fixtures.proxyEvent("get-ticket.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode item = Json.parse(response.getBody()).get("item");
        assertThat(item.get("ticketId").asLong()).isEqualTo(1);
        assertThat(item.get("id").asText()).isEqualTo(ticket.id());
        assertThat(response.getHeaders()).containsEntry("ETag", "\"" + ticket.version() + "\"");
    }

    @Test
    void getById_returnsTheSameTicketAsGetByNumber() throws Exception {
        APIGatewayProxyResponseEvent byNumber = handler.handle(Fixtures.proxyEvent("get-ticket.json"), null);
        APIGatewayProxyResponseEvent byId = handler.handle(withTicketId(ticket.id()), null);

        assertThat(byId.getStatusCode()).isEqualTo(200);
        assertThat(byId.getBody()).isEqualTo(byNumber.getBody());
    }

    @Test
    void unknownTicket_answers404_inTheErrorShape() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handle(withTicketId("999999"), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(Json.parse(response.getBody()).at("/code").asText()).isEqualTo("NotFound");
    }

    @Test
    void anotherInstancesTicket_answers404_exactlyAsAMissingOne() throws Exception {
        String other = Fixtures.createDemoInstance(deps).instanceId();
        APIGatewayProxyRequestEvent event = withTicketId(ticket.id());
        event.getRequestContext().setAuthorizer(Map.of("instanceId", other));

        APIGatewayProxyResponseEvent foreign = handler.handle(event, null);
        APIGatewayProxyResponseEvent missing = handler.handle(withTicketId("999999"), null);

        assertThat(foreign.getStatusCode()).isEqualTo(404);
        assertThat(Json.parse(foreign.getBody()).at("/code"))
                .isEqualTo(Json.parse(missing.getBody()).at("/code"));
    }

    private static APIGatewayProxyRequestEvent withTicketId(String ticketId) {
        return Fixtures.proxyEvent("get-ticket.json")
                .withPathParameters(Map.of("ticketId", ticketId))
                .withPath("/tickets/" + ticketId);
    }
}
