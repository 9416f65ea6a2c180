package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.model.Ticket;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbEngine.class)
class AddCommentHandlerIT {

    private static AddCommentHandler handler;
    private static Dependencies deps;

    @BeforeAll
    static void setUp(TestTable table) {
        deps = Fixtures.dependencies(table);
        Fixtures.createDemoInstance(deps, Fixtures.DEMO_INSTANCE_ID, Fixtures.DEMO_PRIMARY_KEY);
        deps.ticketService().create(Fixtures.DEMO_INSTANCE_ID,
                Fixtures.referenceExampleJson("create-ticket-example-1.json"));
        handler = new AddCommentHandler(deps.ticketLifecycleService());
    }

    @Test
    void sampleEvent_onTheCommentsRoute_answers201WithTheComment() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handle(Fixtures.proxyEvent("add-comment.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode item = Json.parse(response.getBody()).get("item");
        assertThat(item.get("type").asText()).isEqualTo("comment");
        assertThat(item.get("comment").asText()).isEqualTo("comment from API");
        assertThat(item.at("/user/name").asText()).isEqualTo("Jason Doe");
        assertThat(item.get("id").asText()).isNotBlank();
    }

    @Test
    void liveClientsComment_withHtmlAndPrivacy_isStoredSanitised_andAnsweredInTheLiveShape() throws Exception {
        // As joelst/teamswork-ticketing-mcp's InsertCommentRequest sends it: comment_HTML and isPrivate always.
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("add-comment.json")
                .withQueryStringParameters(java.util.Map.of("include", "comment_HTML"))
                .withMultiValueQueryStringParameters(null)
                .withBody("{\"comment\": null, \"comment_HTML\": \"<p onclick=\\\"x()\\\">Call <a href=\\\"https://"
                        + "example.com\\\">me</a></p><script>steal()</script>\", \"isPrivate\": true,"
                        + " \"user\": {\"id\": \"agent-1\", \"name\": \"Agent\", \"email\": \"a@example.com\"}}");

        APIGatewayProxyResponseEvent response = handler.handle(event, null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode item = Json.parse(response.getBody()).get("item");
        Ticket ticket = deps.ticketService().get(Fixtures.DEMO_INSTANCE_ID, "1");
        assertThat(item.get("activityId").asText()).isEqualTo(item.get("id").asText());
        assertThat(item.get("ticketId").asText()).isEqualTo(ticket.id());
        assertThat(item.get("ticketNo").asLong()).isEqualTo(1);
        assertThat(item.get("comment").asText()).isEqualTo("Call me");
        assertThat(item.get("comment_HTML").asText())
                .isEqualTo("<p>Call <a href=\"https://example.com\">me</a></p>");
        assertThat(item.get("isPrivate").asBoolean()).isTrue();
        assertThat(item.at("/createdBy/email").asText()).isEqualTo("a@example.com");
    }

    @Test
    void isPrivateThatIsNotABoolean_answers400NamingIt() throws Exception {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("add-comment.json")
                .withBody("{\"comment\": \"hi\", \"isPrivate\": \"yes\", \"user\": {\"id\": \"u1\"}}");

        APIGatewayProxyResponseEvent response = handler.handle(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Json.parse(response.getBody()).at("/details/0/field").asText()).isEqualTo("isPrivate");
    }

    @Test
    void activitiesRoute_addsACommentToo() throws Exception {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("add-comment.json")
                .withResource("/tickets/{ticketId}/activities").withPath("/tickets/1/activities");

        assertThat(handler.handle(event, null).getStatusCode()).isEqualTo(201);
    }

    @Test
    void blankComment_answers400() throws Exception {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("add-comment.json")
                .withBody("{\"comment\": \"  \", \"user\": {\"id\": \"u1\"}}");

        APIGatewayProxyResponseEvent response = handler.handle(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Json.parse(response.getBody()).at("/details/0/field").asText()).isEqualTo("comment");
    }
    @Test
    void disabledInstance_answers403_andAddsNoComment() throws Exception {
        Ticket ticket = Fixtures.ticketOfADisabledInstance(deps);
        String disabled = ticket.instanceId();

        APIGatewayProxyResponseEvent response =
                handler.handle(Fixtures.proxyEvent("add-comment.json", disabled), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(Json.parse(response.getBody()).at("/code").asText()).isEqualTo("Forbidden");
        assertThat(deps.ticketStore().activities(disabled, ticket.ticketId(), 100, null, true).items()).hasSize(1);
        assertThat(deps.ticketStore().findByNumber(disabled, ticket.ticketId())).contains(ticket);
    }

}
