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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /tickets/{id}/activities for two instances whose tickets share numbers and kinds of activity. */
@ExtendWith(DynamoDbEngine.class)
class ListActivitiesIsolationIT {

    private static ListActivitiesHandler handler;
    private static OverlappingInstances data;

    @BeforeAll
    static void setUp(TestTable table) {
        var deps = Fixtures.dependencies(table);
        data = OverlappingInstances.create(deps);
        handler = new ListActivitiesHandler(deps.ticketLifecycleService());
    }

    @Test
    void activities_ofAnotherInstancesUuid_answer404() throws Exception {
        APIGatewayProxyResponseEvent response =
                handler.handle(data.b().event("list-activities.json", data.a().full().id()), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(Json.parse(response.getBody()).at("/code").asText()).isEqualTo("NotFound");
    }

    @Test
    void activities_ofATicketNumberBothInstancesUse_areTheCallersOwn() throws Exception {
        for (Side side : List.of(data.a(), data.b())) {
            APIGatewayProxyResponseEvent response = handler.handle(side.event("list-activities.json", "1"), null);

            assertThat(response.getStatusCode()).isEqualTo(200);
            JsonNode items = Json.parse(response.getBody()).get("items");
            List<String> summary = new ArrayList<>();
            items.forEach(a -> summary.add(a.get("type").asText() + " by " + a.at("/user/id").asText()));
            String me = side.label().toLowerCase(Locale.ROOT);
            // Newest first, as the activities route lists them by default.
            assertThat(summary).containsExactly("comment by same-user", "update by " + me + "-updater",
                    "created by " + me + "-creator");
        }
    }
}
