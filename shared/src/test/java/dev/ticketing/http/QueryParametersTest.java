package dev.ticketing.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void unknownQueryParameter_answers400_namingIt_andWhatTheRouteTakes() throws Exception {
        APIGatewayProxyResponseEvent response = handle("GET", "/tickets",
                Map.of("key", List.of("k"), "colour", List.of("red"), "status", List.of("Open")), Map.of());

        JsonNode error = errorOf(response);
        assertThat(error.at("/details/0/field").asText()).isEqualTo("colour");
        assertThat(error.at("/details/0/message").asText()).contains("continuationToken").contains("status");
        assertThat(error.get("details")).hasSize(1);
    }

    @Test
    void everyRoute_acceptsTheKey_andItsOwnParameters_only() throws Exception {
        assertThat(handle("GET", "/tags", Map.of("key", List.of("k")), Map.of()).getStatusCode()).isEqualTo(200);
        assertThat(errorOf(handle("GET", "/tags", Map.of("timezone", List.of("1")), Map.of()))
                .at("/details/0/field").asText()).isEqualTo("timezone");
        assertThat(handle("GET", "/tickets/{ticketId}/activities",
                Map.of("limit", List.of("5"), "continuationToken", List.of("t")), Map.of()).getStatusCode())
                .isEqualTo(200);
        assertThat(errorOf(handle("POST", "/tickets", Map.of("limit", List.of("5")), Map.of()))
                .at("/details/0/field").asText()).isEqualTo("limit");
    }

    @Test
    void continuationToken_inTheHeaderAndTheQuery_mustAgree() throws Exception {
        Map<String, List<String>> query = Map.of("continuationToken", List.of("page-2"));

        assertThat(handle("GET", "/tickets", query, Map.of("continuationToken", "page-2")).getStatusCode())
                .isEqualTo(200);
        JsonNode error = errorOf(handle("GET", "/tickets", query, Map.of("continuationToken", "page-3")));
        assertThat(error.at("/details/0/field").asText()).isEqualTo("continuationToken");
    }

    private static APIGatewayProxyResponseEvent handle(String method, String resource,
                                                       Map<String, List<String>> query, Map<String, String> headers) {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withHttpMethod(method)
                .withResource(resource).withMultiValueQueryStringParameters(query).withHeaders(headers);
        return Handlers.handle(event, null, request -> ApiResponses.json(200, Json.object()));
    }

    private static JsonNode errorOf(APIGatewayProxyResponseEvent response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        JsonNode error = Json.parse(response.getBody());
        assertThat(error.get("code").asText()).isEqualTo("ValidationError");
        return error;
    }
}
