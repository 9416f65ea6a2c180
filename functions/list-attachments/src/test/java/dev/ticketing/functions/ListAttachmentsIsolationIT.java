package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.json.Json;
import dev.ticketing.service.AttachmentService;
import dev.ticketing.testing.AttachmentFixtures;
import dev.ticketing.testing.OverlappingInstances;
import dev.ticketing.testing.OverlappingInstances.Side;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /tickets/{id}/attachments for two instances whose tickets share numbers and attachments. */
@ExtendWith(DynamoDbEngine.class)
class ListAttachmentsIsolationIT {

    private static ListAttachmentsHandler handler;
    private static OverlappingInstances data;

    @BeforeAll
    static void setUp(TestTable table) throws Exception {
        var deps = AttachmentFixtures.dependencies(table, AttachmentFixtures.createBucket(table));
        AttachmentService service = AttachmentFixtures.service(deps);
        data = OverlappingInstances.create(deps);
        for (Side side : List.of(data.a(), data.b())) {
            String label = side.label().toLowerCase(Locale.ROOT);
            service.post(side.instanceId(), "1", Json.parse("{\"attachments\": [{\"src\": \"https://example.com/"
                    + label + "\", \"caption\": \"" + side.person("Manual") + "\"}], "
                    + "\"user\": {\"id\": \"same-user\"}}"));
        }
        handler = new ListAttachmentsHandler(service);
    }

    @Test
    void attachments_ofAnotherInstancesUuid_answer404() throws Exception {
        APIGatewayProxyResponseEvent response =
                handler.handle(data.b().event("list-attachments.json", data.a().full().id()), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(Json.parse(response.getBody()).at("/code").asText()).isEqualTo("NotFound");
    }

    @Test
    void attachments_ofATicketNumberBothInstancesUse_areTheCallersOwn() throws Exception {
        for (Side side : List.of(data.a(), data.b())) {
            APIGatewayProxyResponseEvent response = handler.handle(side.event("list-attachments.json", "1"), null);

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(Json.parse(response.getBody()).get("items").findValuesAsText("caption"))
                    .containsExactly(side.person("Manual"));
        }
    }
}
