package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.json.Json;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testing.OverlappingInstances.Side;
import dev.ticketing.testing.OverlappingInstances;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /tickets/{id} for two instances that own tickets with the same numbers. */
@ExtendWith(DynamoDbEngine.class)
class GetTicketIsolationIT {

    private static GetTicketHandler handler;
    private static OverlappingInstances data;

    @BeforeAll
    static void setUp(TestTable table) {
        var deps = Fixtures.dependencies(table);
        data = OverlappingInstances.create(deps);
        handler = new GetTicketHandler(deps.ticketService());
    }

    @Test
    void getTicket_byAnotherInstancesUuid_answers404_thoughTheCallerOwnsThatNumber() throws Exception {
        for (Side[] pair : List.of(new Side[] {data.a(), data.b()}, new Side[] {data.b(), data.a()})) {
            Side caller = pair[0];
            Side owner = pair[1];
            for (String foreign : List.of(owner.full().id(), owner.keyedTicketId(), owner.resolved().id())) {
                APIGatewayProxyResponseEvent response = handler.handle(caller.event("get-ticket.json", foreign), null);

                assertThat(response.getStatusCode()).as(caller.label() + " asks for " + foreign).isEqualTo(404);
                assertThat(Json.parse(response.getBody()).at("/code").asText()).isEqualTo("NotFound");
            }
        }
    }

    @Test
    void getTicket_byANumberBothInstancesUse_answersTheCallersOwnTicket() throws Exception {
        for (Side caller : List.of(data.a(), data.b())) {
            JsonNode first = item(handler.handle(caller.event("get-ticket.json", "1"), null));
            JsonNode third = item(handler.handle(caller.event("get-ticket.json", "3"), null));

            assertThat(first.get("id").asText()).isEqualTo(caller.full().id());
            assertThat(first.get("title").asText()).isEqualTo(caller.title(1));
            assertThat(first.at("/requestor/email").asText()).isEqualTo(caller.email("Requestor"));
            assertThat(third.get("resolution").asText()).isEqualTo(caller.label() + " fixed it");
        }
    }

    private static JsonNode item(APIGatewayProxyResponseEvent response) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(200);
        return Json.parse(response.getBody()).get("item");
    }
}
