package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.model.Ticket;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testing.OverlappingInstances.Side;
import dev.ticketing.testing.OverlappingInstances;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /tickets with one Idempotency-Key used by two instances. */
@ExtendWith(DynamoDbEngine.class)
class CreateTicketIsolationIT {

    private static final String KEY = "the-key-both-instances-send";

    private static Dependencies deps;
    private static CreateTicketHandler handler;
    private static OverlappingInstances data;

    @BeforeAll
    static void setUp(TestTable table) {
        deps = Fixtures.dependencies(table);
        data = OverlappingInstances.create(deps);
        handler = new CreateTicketHandler(deps.ticketService());
    }

    @Test
    void sameIdempotencyKeyAndBody_fromTwoInstances_createsATicketInEach_andEachRepeatReplaysItsOwn()
            throws Exception {
        APIGatewayProxyResponseEvent fromA = handler.handle(keyed(data.a()), null);
        APIGatewayProxyResponseEvent fromB = handler.handle(keyed(data.b()), null);
        APIGatewayProxyResponseEvent repeatFromB = handler.handle(keyed(data.b()), null);

        assertThat(fromA.getStatusCode()).isEqualTo(201);
        assertThat(fromB.getStatusCode()).isEqualTo(201);
        String aId = Json.parse(fromA.getBody()).at("/item/id").asText();
        String bId = Json.parse(fromB.getBody()).at("/item/id").asText();
        assertThat(bId).isNotEqualTo(aId);
        // Both already own tickets 1 to 3, so each gets number 4 of its own.
        assertThat(fromA.getHeaders().get("Location")).isEqualTo("/tickets/4");
        assertThat(fromB.getHeaders().get("Location")).isEqualTo("/tickets/4");
        Ticket created = deps.ticketService().get(data.b().instanceId(), bId);
        assertThat(created.instanceId()).isEqualTo(data.b().instanceId());
        assertThat(repeatFromB.getBody()).isEqualTo(fromB.getBody());
    }

    private static APIGatewayProxyRequestEvent keyed(Side side) {
        return side.event("create-ticket.json", null, "Idempotency-Key", KEY);
    }
}
