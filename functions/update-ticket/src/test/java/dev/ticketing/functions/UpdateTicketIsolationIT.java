package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.model.Ticket;
import dev.ticketing.service.TicketService;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testing.OverlappingInstances;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PUT /tickets/{id} for two instances that own tickets with the same numbers. */
@ExtendWith(DynamoDbEngine.class)
class UpdateTicketIsolationIT {

    private static Dependencies deps;
    private static UpdateTicketHandler handler;

    @BeforeAll
    static void setUp(TestTable table) {
        deps = Fixtures.dependencies(table);
        handler = new UpdateTicketHandler(deps.ticketLifecycleService());
    }

    @Test
    void updateTicket_byAnotherInstancesUuid_answers404_andChangesNeitherTicket() throws Exception {
        OverlappingInstances data = OverlappingInstances.create(deps);
        TicketService tickets = deps.ticketService();
        Ticket aBefore = tickets.get(data.a().instanceId(), "1");
        Ticket bBefore = tickets.get(data.b().instanceId(), "1");

        APIGatewayProxyResponseEvent response =
                handler.handle(data.b().event("update-ticket.json", data.a().full().id()), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(Json.parse(response.getBody()).at("/code").asText()).isEqualTo("NotFound");
        assertThat(tickets.get(data.a().instanceId(), "1")).isEqualTo(aBefore);
        assertThat(tickets.get(data.b().instanceId(), "1")).isEqualTo(bBefore);
    }

    @Test
    void updateTicket_byANumberBothInstancesUse_changesOnlyTheCallersTicket() throws Exception {
        OverlappingInstances data = OverlappingInstances.create(deps);
        TicketService tickets = deps.ticketService();
        Ticket aBefore = tickets.get(data.a().instanceId(), "1");

        APIGatewayProxyResponseEvent response = handler.handle(data.b().event("update-ticket.json", "1"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Json.parse(response.getBody()).at("/item/id").asText()).isEqualTo(data.b().full().id());
        assertThat(tickets.get(data.b().instanceId(), "1").title()).isEqualTo("My 2nd ticket");
        assertThat(tickets.get(data.a().instanceId(), "1")).isEqualTo(aBefore);
    }
}
