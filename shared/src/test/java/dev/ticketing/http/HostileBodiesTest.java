package dev.ticketing.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.json.Json;
import org.junit.jupiter.api.Test;

/** Bodies that are valid or nearly valid JSON but that no parser should be trusted with answer 400, never 500. */
class HostileBodiesTest {

    @Test
    void bodyNested1500Deep_answers400NamingTheBody() throws Exception {
        String body = "[".repeat(1500) + "]".repeat(1500);

        JsonNode error = errorOf(post(body), 400);

        assertThat(error.at("/details/0/field").asText()).isEqualTo("body");
        assertThat(error.at("/details/0/message").asText()).contains("nested");
    }

    @Test
    void twoThousandDigitNumber_anywhere_answers400NamingTheBody() throws Exception {
        String body = "{\"ticket\": {\"title\": \"t\", \"x\": " + "9".repeat(2000) + "}}";

        JsonNode error = errorOf(post(body), 400);

        assertThat(error.at("/details/0/field").asText()).isEqualTo("body");
        assertThat(error.at("/details/0/message").asText()).contains("number");
    }

    @Test
    void loneSurrogateInTitle_answers400NamingTheField() throws Exception {
        String body = "{\"ticket\": {\"title\": \"printer \\ud800 on fire\"}, \"user\": {\"id\": \"u\"}}";

        JsonNode error = errorOf(post(body), 400);

        assertThat(error.at("/details/0/field").asText()).isEqualTo("ticket.title");
        assertThat(error.at("/details/0/message").asText()).contains("surrogate");
    }

    @Test
    void loneLowSurrogateInAFieldName_orInAnArray_isNamedToo() throws Exception {
        assertThat(errorOf(post("{\"ticket\": {\"tags\": [\"ok\", \"\\udc00\"]}}"), 400)
                .at("/details/0/field").asText()).isEqualTo("ticket.tags[1]");
        // Jackson may refuse such a name itself; either way the answer is a 400, never the raw surrogate.
        assertThat(errorOf(post("{\"a\\udc00\": 1}"), 400).at("/details/0/field").asText()).isIn("body", "a\uFFFD");
    }

    @Test
    void pairedSurrogates_areText() {
        APIGatewayProxyResponseEvent response = post("{\"title\": \"fire \\ud83d\\udd25\"}");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("\uD83D\uDD25");
    }

    @Test
    void invalidBase64Body_answers400() throws Exception {
        APIGatewayProxyRequestEvent event = event("not base64!");
        event.setIsBase64Encoded(true);

        assertThat(errorOf(handle(event), 400).at("/details/0/field").asText()).isEqualTo("body");
    }

    @Test
    void floatsKeepEveryDigitAndMagnitude_soValidationSeesWhatWasSent() throws Exception {
        JsonNode parsed = Json.parse("{\"a\": 1e400, \"b\": 3.14159265358979323846264338327950288419716939937510,"
                + " \"c\": 100.0}");

        assertThat(parsed.get("a").decimalValue().toString()).isEqualTo("1E+400");
        assertThat(parsed.get("b").decimalValue().precision()).isEqualTo(51);
        assertThat(Json.write(parsed.get("c"))).isEqualTo("100.0");
    }

    private static APIGatewayProxyResponseEvent post(String body) {
        return handle(event(body));
    }

    private static APIGatewayProxyRequestEvent event(String body) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("POST").withResource("/tickets").withBody(body);
    }

    /** Echoes the parsed body, as a handler that reads it would. */
    private static APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return Handlers.handle(event, null, request -> ApiResponses.json(200, request.jsonBody()));
    }

    private static JsonNode errorOf(APIGatewayProxyResponseEvent response, int status) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        JsonNode error = Json.parse(response.getBody());
        assertThat(error.get("code").asText()).isEqualTo("ValidationError");
        return error;
    }
}
