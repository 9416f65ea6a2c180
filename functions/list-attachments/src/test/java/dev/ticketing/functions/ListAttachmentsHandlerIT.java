package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.model.Ticket;
import dev.ticketing.service.AttachmentService;
import dev.ticketing.service.UploadPart;
import dev.ticketing.testing.AttachmentFixtures;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbEngine.class)
class ListAttachmentsHandlerIT {

    private static final String USER = "{\"id\": \"u-7\", \"name\": \"Alex Agent\"}";

    private static Dependencies deps;
    private static ListAttachmentsHandler handler;

    @BeforeAll
    static void setUp(TestTable table) throws Exception {
        deps = AttachmentFixtures.dependencies(table, AttachmentFixtures.createBucket(table));
        AttachmentService service = AttachmentFixtures.service(deps);
        Fixtures.createDemoInstance(deps, Fixtures.DEMO_INSTANCE_ID, Fixtures.DEMO_PRIMARY_KEY);
        deps.ticketService().create(Fixtures.DEMO_INSTANCE_ID,
                Fixtures.referenceExampleJson("create-ticket-example-1.json"));
        service.post(Fixtures.DEMO_INSTANCE_ID, "1", Json.parse("{\"attachments\": [{\"src\": "
                + "\"https://example.com/manual\", \"caption\": \"Manual\"}], \"user\": " + USER + "}"));
        service.upload(Fixtures.DEMO_INSTANCE_ID, "1", List.of(
                new UploadPart("files", "a.txt", "text/plain", "first".getBytes(StandardCharsets.UTF_8)),
                new UploadPart("files", "b.csv", "text/csv", "x,y".getBytes(StandardCharsets.UTF_8)),
                new UploadPart("user", null, null, USER.getBytes(StandardCharsets.UTF_8))));
        handler = new ListAttachmentsHandler(service);
    }

    @Test
    void sample_answers200_oldestFirst_filesWithDownloadUrls() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handle(Fixtures.proxyEvent("list-attachments.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode items = Json.parse(response.getBody()).get("items");
        assertThat(items.findValuesAsText("caption")).containsExactly("Manual", "a.txt", "b.csv");
        assertThat(items.get(0).get("src").asText()).isEqualTo("https://example.com/manual");
        assertThat(items.get(0).has("srcExpiresOn")).isFalse();
        assertThat(new String(AttachmentFixtures.get(items.get(1).get("src").asText()).body(),
                StandardCharsets.UTF_8)).isEqualTo("first");
        assertThat(items.get(1).get("srcExpiresOn").asText()).isNotBlank();
        assertThat(Json.parse(response.getBody()).has("continuationToken")).isFalse();
    }

    @Test
    void limit_pagesWithAContinuationToken_asTheActivitiesDo() throws Exception {
        JsonNode first = Json.parse(handler.handle(withQuery(Map.of("limit", "2")), null).getBody());
        String token = first.get("continuationToken").asText();
        JsonNode second = Json.parse(handler.handle(withQuery(Map.of("limit", "2", "continuationToken", token)),
                null).getBody());

        assertThat(first.get("items").findValuesAsText("caption")).containsExactly("Manual", "a.txt");
        assertThat(second.get("items").findValuesAsText("caption")).containsExactly("b.csv");
        assertThat(second.has("continuationToken")).isFalse();
    }

    @Test
    void badLimit_andUnknownParameter_answer400_namingThem() throws Exception {
        APIGatewayProxyResponseEvent badLimit = handler.handle(withQuery(Map.of("limit", "many")), null);
        APIGatewayProxyResponseEvent unknown = handler.handle(withQuery(Map.of("include", "comment_HTML")), null);

        assertThat(badLimit.getStatusCode()).isEqualTo(400);
        assertThat(Json.parse(badLimit.getBody()).at("/details/0/field").asText()).isEqualTo("limit");
        assertThat(unknown.getStatusCode()).isEqualTo(400);
        assertThat(Json.parse(unknown.getBody()).at("/details/0/field").asText()).isEqualTo("include");
    }

    @Test
    void unknownTicket_answers404_disabledInstance403() throws Exception {
        APIGatewayProxyResponseEvent missing = handler.handle(Fixtures.proxyEvent("list-attachments.json")
                .withPathParameters(Map.of("ticketId", "404")), null);
        Ticket disabled = Fixtures.ticketOfADisabledInstance(deps);
        APIGatewayProxyResponseEvent forbidden = handler.handle(Fixtures.proxyEvent("list-attachments.json",
                disabled.instanceId()), null);

        assertThat(missing.getStatusCode()).isEqualTo(404);
        assertThat(forbidden.getStatusCode()).isEqualTo(403);
    }

    private static APIGatewayProxyRequestEvent withQuery(Map<String, String> extra) {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("list-attachments.json");
        Map<String, String> query = new HashMap<>(event.getQueryStringParameters());
        query.putAll(extra);
        Map<String, List<String>> multi = new HashMap<>();
        query.forEach((name, value) -> multi.put(name, List.of(value)));
        return event.withQueryStringParameters(query).withMultiValueQueryStringParameters(multi);
    }
}
