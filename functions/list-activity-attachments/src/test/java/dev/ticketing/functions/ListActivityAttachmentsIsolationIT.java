package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.json.Json;
import dev.ticketing.service.AttachmentService;
import dev.ticketing.testing.AttachmentFixtures;
import dev.ticketing.testing.OverlappingInstances;
import dev.ticketing.testing.OverlappingInstances.Side;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /tickets/activity/{id}/attachments for two instances that each attached links to their ticket 1. */
@ExtendWith(DynamoDbEngine.class)
class ListActivityAttachmentsIsolationIT {

    private static ListActivityAttachmentsHandler handler;
    private static OverlappingInstances data;
    private static final Map<String, String> ACTIVITIES = new HashMap<>();

    @BeforeAll
    static void setUp(TestTable table) throws Exception {
        var deps = AttachmentFixtures.dependencies(table, AttachmentFixtures.createBucket(table));
        AttachmentService service = AttachmentFixtures.service(deps);
        data = OverlappingInstances.create(deps);
        for (Side side : List.of(data.a(), data.b())) {
            String label = side.label().toLowerCase(Locale.ROOT);
            AttachmentService.Recorded recorded = (AttachmentService.Recorded) service.post(side.instanceId(), "1",
                    Json.parse("{\"attachments\": [{\"src\": \"https://example.com/" + label + "\"}], "
                            + "\"user\": {\"id\": \"same-user\"}}"));
            ACTIVITIES.put(side.label(), recorded.activity().activity().id());
        }
        handler = new ListActivityAttachmentsHandler(service);
    }

    @Test
    void anotherInstancesActivity_answers404() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handle(event(data.b(), ACTIVITIES.get("A")), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(Json.parse(response.getBody()).at("/code").asText()).isEqualTo("NotFound");
    }

    @Test
    void eachInstancesOwnActivity_answersItsOwnAttachments() throws Exception {
        for (Side side : List.of(data.a(), data.b())) {
            APIGatewayProxyResponseEvent response = handler.handle(event(side, ACTIVITIES.get(side.label())), null);

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(Json.parse(response.getBody()).get("items").findValuesAsText("src"))
                    .containsExactly("https://example.com/" + side.label().toLowerCase(Locale.ROOT));
        }
    }

    private static APIGatewayProxyRequestEvent event(Side side, String activityId) {
        return side.event("list-activity-attachments.json", null)
                .withPathParameters(Map.of("activityId", activityId))
                .withPath("/tickets/activity/" + activityId + "/attachments");
    }
}
