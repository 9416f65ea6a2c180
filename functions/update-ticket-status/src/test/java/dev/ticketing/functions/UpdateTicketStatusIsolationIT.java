package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.service.PageRequest;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.model.Activity;
import dev.ticketing.model.ActivityType;
import dev.ticketing.model.Status;
import dev.ticketing.model.Ticket;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testing.OverlappingInstances;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /tickets/{id}/status for two instances that own tickets with the same numbers. */
@ExtendWith(DynamoDbEngine.class)
class UpdateTicketStatusIsolationIT {

    private static Dependencies deps;
    private static UpdateTicketStatusHandler handler;

    @BeforeAll
    static void setUp(TestTable table) {
        deps = Fixtures.dependencies(table);
        handler = new UpdateTicketStatusHandler(deps.ticketLifecycleService());
    }

    @Test
    void statusChange_byAnotherInstancesUuid_answers404_andChangesNeitherTicket() throws Exception {
        OverlappingInstances data = OverlappingInstances.create(deps);
        Ticket aBefore = deps.ticketService().get(data.a().instanceId(), "1");
        Ticket bBefore = deps.ticketService().get(data.b().instanceId(), "1");

        APIGatewayProxyResponseEvent response =
                handler.handle(data.b().event("update-ticket-status.json", data.a().full().id()), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(Json.parse(response.getBody()).at("/code").asText()).isEqualTo("NotFound");
        assertThat(deps.ticketService().get(data.a().instanceId(), "1")).isEqualTo(aBefore);
        assertThat(deps.ticketService().get(data.b().instanceId(), "1")).isEqualTo(bBefore);
    }

    @Test
    void statusChange_byANumberBothInstancesUse_resolvesAndRecordsOnlyTheCallersTicket() throws Exception {
        OverlappingInstances data = OverlappingInstances.create(deps);

        APIGatewayProxyResponseEvent response =
                handler.handle(data.b().event("update-ticket-status.json", "1"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(deps.ticketService().get(data.b().instanceId(), "1").status()).isEqualTo(Status.Resolved);
        assertThat(deps.ticketService().get(data.a().instanceId(), "1").status()).isEqualTo(Status.Open);
        assertThat(deps.ticketLifecycleService()
                .activities(data.a().instanceId(), "1", PageRequest.first(100), true).items())
                .extracting(Activity::type).doesNotContain(ActivityType.statusChange);
        assertThat(deps.ticketLifecycleService()
                .activities(data.b().instanceId(), "1", PageRequest.first(100), true).items())
                .extracting(Activity::type).endsWith(ActivityType.statusChange);
    }
}
