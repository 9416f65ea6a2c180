package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.service.PageRequest;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.model.Activity;
import dev.ticketing.model.ActivityType;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testing.OverlappingInstances.Side;
import dev.ticketing.testing.OverlappingInstances;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /tickets/{id}/comments for two instances that own tickets with the same numbers. */
@ExtendWith(DynamoDbEngine.class)
class AddCommentIsolationIT {

    private static final String KEY = "the-comment-key-both-instances-send";

    private static Dependencies deps;
    private static AddCommentHandler handler;

    @BeforeAll
    static void setUp(TestTable table) {
        deps = Fixtures.dependencies(table);
        handler = new AddCommentHandler(deps.ticketLifecycleService());
    }

    @Test
    void comment_onAnotherInstancesUuid_answers404_andAddsNothingToEither() throws Exception {
        OverlappingInstances data = OverlappingInstances.create(deps);
        int aBefore = history(data.a(), "1").size();
        int bBefore = history(data.b(), "1").size();

        APIGatewayProxyResponseEvent response =
                handler.handle(data.b().event("add-comment.json", data.a().full().id()), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(history(data.a(), "1")).hasSize(aBefore);
        assertThat(history(data.b(), "1")).hasSize(bBefore);
    }

    @Test
    void sameIdempotencyKeyAndBody_fromTwoInstances_addsACommentToEachOwnTicket() throws Exception {
        OverlappingInstances data = OverlappingInstances.create(deps);

        APIGatewayProxyResponseEvent fromA = handler.handle(
                data.a().event("add-comment.json", "3", "Idempotency-Key", KEY), null);
        APIGatewayProxyResponseEvent fromB = handler.handle(
                data.b().event("add-comment.json", "3", "Idempotency-Key", KEY), null);

        assertThat(fromA.getStatusCode()).isEqualTo(201);
        assertThat(fromB.getStatusCode()).isEqualTo(201);
        for (Side side : List.of(data.a(), data.b())) {
            APIGatewayProxyResponseEvent response = side == data.a() ? fromA : fromB;
            Activity last = history(side, "3").get(history(side, "3").size() - 1);
            assertThat(last.type()).isEqualTo(ActivityType.comment);
            assertThat(Json.parse(response.getBody()).at("/item/id").asText()).isEqualTo(last.id());
        }
    }

    private static List<Activity> history(Side side, String ticket) {
        return deps.ticketLifecycleService().activities(side.instanceId(), ticket, PageRequest.first(100), true)
                .items();
    }
}
