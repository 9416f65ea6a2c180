package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbEngine.class)
class CreateTicketHandlerIT {

    private static CreateTicketHandler handler;

    @BeforeAll
    static void setUp(TestTable table) {
        Dependencies deps = Fixtures.dependencies(table);
        Fixtures.createDemoInstance(deps, Fixtures.DEMO_INSTANCE_ID, Fixtures.DEMO_PRIMARY_KEY);
        handler = new CreateTicketHandler(deps.ticketService());
    }

    @Test
    void sampleEvent_creates201_withItemAndLocation() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handle(Fixtures.proxyEvent("create-ticket.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode item = Json.parse(response.getBody()).get("item");
        assertThat(item.get("title").asText()).isEqualTo("My first ticket");
        assertThat(item.get("status").asText()).isEqualTo("Open");
        assertThat(response.getHeaders()).containsEntry("Location", "/tickets/" + item.get("ticketId").asLong())
                .containsEntry("Content-Type", "application/json");
    }

    @Test
    void referenceExample2_createsTicket_withDatesInTheRequestedTimezone() throws Exception {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("create-ticket.json")
                .withBody(Fixtures.referenceExample("create-ticket-example-2.json"))
                .withQueryStringParameters(Map.of("key", Fixtures.DEMO_PRIMARY_KEY, "timezone", "7"))
                .withMultiValueQueryStringParameters(null);

        APIGatewayProxyResponseEvent response = handler.handle(event, null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode item = Json.parse(response.getBody()).get("item");
        assertThat(item.get("expectedDate").asText()).isEqualTo("2023-07-27T00:00:00+07:00");
        assertThat(item.get("createdOn").asText()).endsWith("+07:00");
        assertThat(item.get("customFields").size()).isEqualTo(7);
    }

    @Test
    void invalidBody_answers400_inTheOneErrorShape_namingEachField() throws Exception {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("create-ticket.json")
                .withBody("{\"ticket\": {\"priority\": \"Critical\"}}");

        APIGatewayProxyResponseEvent response = handler.handle(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode error = Json.parse(response.getBody());
        assertThat(error.get("code").asText()).isEqualTo("ValidationError");
        assertThat(error.get("details").findValuesAsText("field"))
                .contains("user", "ticket.title", "ticket.requestor", "ticket.priority");
    }

    @Test
    void malformedJson_answers400_namingTheBody() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handle(
                Fixtures.proxyEvent("create-ticket.json").withBody("{\"ticket\": "), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Json.parse(response.getBody()).at("/details/0/field").asText()).isEqualTo("body");
    }

    @Test
    void badTimezone_answers400_andCreatesNothing() throws Exception {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("create-ticket.json")
                .withQueryStringParameters(Map.of("timezone", "99"))
                .withMultiValueQueryStringParameters(null);

        APIGatewayProxyResponseEvent response = handler.handle(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Json.parse(response.getBody()).at("/details/0/field").asText()).isEqualTo("timezone");
    }

    @Test
    void missingAuthorizerContext_answers401() throws Exception {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("create-ticket.json");
        event.getRequestContext().setAuthorizer(null);

        APIGatewayProxyResponseEvent response = handler.handle(event, null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(Json.parse(response.getBody()).at("/code").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void repeatWithTheSameIdempotencyKey_returnsTheFirstResponse_andADifferentBodyAnswers422() throws Exception {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("create-ticket.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        event.setHeaders(headers);

        APIGatewayProxyResponseEvent first = handler.handle(event, null);
        APIGatewayProxyResponseEvent repeat = handler.handle(event, null);

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(repeat.getStatusCode()).isEqualTo(201);
        assertThat(repeat.getBody()).isEqualTo(first.getBody());
        assertThat(repeat.getHeaders().get("Location")).isEqualTo(first.getHeaders().get("Location"));
        APIGatewayProxyResponseEvent reused = handler.handle(event.withBody(
                Fixtures.referenceExample("create-ticket-example-2.json")), null);
        assertThat(reused.getStatusCode()).isEqualTo(422);
        assertThat(Json.parse(reused.getBody()).at("/code").asText()).isEqualTo("IdempotencyKeyReused");
    }
}
