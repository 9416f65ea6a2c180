package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.service.PageRequest;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.model.Activity;
import dev.ticketing.model.Ticket;
import dev.ticketing.service.AttachmentService;
import dev.ticketing.service.UploadPart;
import dev.ticketing.testing.AttachmentFixtures;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbEngine.class)
class ListActivityAttachmentsHandlerIT {

    private static final String USER = "{\"id\": \"u-7\", \"name\": \"Alex Agent\"}";

    private static Dependencies deps;
    private static AttachmentService service;
    private static ListActivityAttachmentsHandler handler;

    @BeforeAll
    static void setUp(TestTable table) {
        deps = AttachmentFixtures.dependencies(table, AttachmentFixtures.createBucket(table));
        service = AttachmentFixtures.service(deps);
        Fixtures.createDemoInstance(deps, Fixtures.DEMO_INSTANCE_ID, Fixtures.DEMO_PRIMARY_KEY);
        deps.ticketService().create(Fixtures.DEMO_INSTANCE_ID,
                Fixtures.referenceExampleJson("create-ticket-example-1.json"));
        handler = new ListActivityAttachmentsHandler(service);
    }

    @Test
    void theActivityOfAnUpload_answers200_withItsFilesInOrder() throws Exception {
        String activityId = service.upload(Fixtures.DEMO_INSTANCE_ID, "1", List.of(
                new UploadPart("files", "one.txt", "text/plain", utf8("1")),
                new UploadPart("files", "two.txt", "text/plain", utf8("2")),
                new UploadPart("user", null, null, utf8(USER)))).activity().id();
        service.post(Fixtures.DEMO_INSTANCE_ID, "1", Json.parse("{\"attachments\": [{\"src\": "
                + "\"https://example.com/other\"}], \"user\": " + USER + "}"));

        APIGatewayProxyResponseEvent response = handler.handle(event(activityId), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode items = Json.parse(response.getBody()).get("items");
        assertThat(items.findValuesAsText("filename")).containsExactly("one.txt", "two.txt");
        assertThat(items.findValuesAsText("activityId")).containsOnly(activityId);
        assertThat(AttachmentFixtures.get(items.get(1).get("src").asText()).body()).containsExactly('2');
    }

    @Test
    void theSamplesActivity_unknownHere_answers404() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handle(Fixtures.proxyEvent("list-activity-attachments.json"),
                null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(Json.parse(response.getBody()).at("/code").asText()).isEqualTo("NotFound");
    }

    @Test
    void aCommentActivity_orATextThatIsNoId_answers404() throws Exception {
        Activity created = deps.ticketLifecycleService().activities(Fixtures.DEMO_INSTANCE_ID, "1",
                        PageRequest.first(1), true)
                .items().get(0);

        assertThat(handler.handle(event(created.id()), null).getStatusCode()).isEqualTo(404);
        assertThat(handler.handle(event("..%2F..%2Fx"), null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void disabledInstance_answers403() throws Exception {
        Ticket ticket = Fixtures.ticketOfADisabledInstance(deps);

        APIGatewayProxyResponseEvent response = handler.handle(Fixtures.proxyEvent("list-activity-attachments.json",
                ticket.instanceId()), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
    }

    private static APIGatewayProxyRequestEvent event(String activityId) {
        return Fixtures.proxyEvent("list-activity-attachments.json")
                .withPathParameters(Map.of("activityId", activityId))
                .withPath("/tickets/activity/" + activityId + "/attachments");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
