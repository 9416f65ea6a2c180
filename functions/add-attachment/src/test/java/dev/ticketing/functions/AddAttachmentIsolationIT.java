package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.service.PageRequest;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.service.AttachmentService;
import dev.ticketing.testing.AttachmentFixtures;
import dev.ticketing.testing.OverlappingInstances;
import dev.ticketing.testing.OverlappingInstances.Side;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /tickets/{id}/attachments for two instances that own tickets with the same numbers. */
@ExtendWith(DynamoDbEngine.class)
class AddAttachmentIsolationIT {

    private static Dependencies deps;
    private static AttachmentService service;
    private static AddAttachmentHandler handler;

    @BeforeAll
    static void setUp(TestTable table) {
        deps = AttachmentFixtures.dependencies(table, AttachmentFixtures.createBucket(table));
        service = AttachmentFixtures.service(deps);
        handler = new AddAttachmentHandler(service);
    }

    @Test
    void links_onAnotherInstancesUuid_answer404_andAttachNothingToEither() throws Exception {
        OverlappingInstances data = OverlappingInstances.create(deps);

        APIGatewayProxyResponseEvent response =
                handler.handle(data.b().event("add-attachment.json", data.a().full().id()), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(Json.parse(response.getBody()).at("/code").asText()).isEqualTo("NotFound");
        for (Side side : new Side[] {data.a(), data.b()}) {
            assertThat(service.list(side.instanceId(), "1", PageRequest.first(10)).items()).isEmpty();
        }
    }

    @Test
    void links_onATicketNumberBothInstancesUse_goToTheCallersOwnTicket() throws Exception {
        OverlappingInstances data = OverlappingInstances.create(deps);

        APIGatewayProxyResponseEvent response = handler.handle(data.b().event("add-attachment.json", "1"), null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(Json.parse(response.getBody()).at("/item/ticketId").asText()).isEqualTo(data.b().full().id());
        assertThat(service.list(data.a().instanceId(), "1", PageRequest.first(10)).items()).isEmpty();
        assertThat(service.list(data.b().instanceId(), "1", PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void completingAnotherInstancesUpload_underTheSameTicketNumber_answers404() throws Exception {
        OverlappingInstances data = OverlappingInstances.create(deps);
        APIGatewayProxyResponseEvent granted = handler.handle(data.a().event("add-attachment.upload-url.json", "1"),
                null);
        String uploadId = Json.parse(granted.getBody()).at("/item/uploadId").asText();

        APIGatewayProxyResponseEvent response = handler.handle(data.b().event("add-attachment.json", "1")
                .withBody("{\"uploadId\": \"" + uploadId + "\"}"), null);

        assertThat(granted.getStatusCode()).isEqualTo(201);
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(deps.attachmentStore().findUpload(data.a().instanceId(), 1, uploadId).orElseThrow().completed())
                .isFalse();
    }
}
