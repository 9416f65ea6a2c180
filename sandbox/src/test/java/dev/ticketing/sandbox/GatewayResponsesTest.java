package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.json.Json;
import dev.ticketing.local.template.SamTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** template.yaml's gateway responses carry the project's error body, and the sandbox answers as they do. */
class GatewayResponsesTest {

    private static final List<String> REQUIRED = List.of("UNAUTHORIZED", "ACCESS_DENIED", "THROTTLED",
            "QUOTA_EXCEEDED", "BAD_REQUEST_BODY", "BAD_REQUEST_PARAMETERS", "DEFAULT_4XX", "DEFAULT_5XX");

    private final JsonNode responses = SamTemplate.load().root()
            .path("Resources").path("TicketingApi").path("Properties").path("GatewayResponses");

    @Test
    void everyGatewayError_hasAJsonBodyOfTheProjectsErrorShape() throws Exception {
        for (String type : REQUIRED) {
            String template = responses.path(type).path("ResponseTemplates").path("application/json").asText();
            // $context.error.messageString is a quoted JSON string once API Gateway fills it in.
            JsonNode body = Json.parse(template.replace("$context.error.messageString", "\"filled in\""));

            assertThat(body.path("error").path("code").isTextual()).as(type).isTrue();
            assertThat(body.path("error").path("message").isTextual()).as(type).isTrue();
            assertThat(body.path("error").path("details").isArray()).as(type).isTrue();
            assertThat(body.size()).as(type).isEqualTo(1);
        }
    }

    @Test
    void throttledAndUnauthorized_sayWhatTheSandboxSays() throws Exception {
        JsonNode throttled = body("THROTTLED");
        JsonNode unauthorized = body("UNAUTHORIZED");

        assertThat(responses.path("THROTTLED").path("StatusCode").asInt()).isEqualTo(429);
        assertThat(throttled.path("code").asText()).isEqualTo(Gateway.TOO_MANY_REQUESTS);
        assertThat(throttled.path("message").asText()).isEqualTo(Gateway.THROTTLED_MESSAGE);
        assertThat(responses.path("THROTTLED").path("ResponseParameters").path("Headers").path("Retry-After")
                .asText()).isEqualTo("'1'");
        assertThat(responses.path("UNAUTHORIZED").path("StatusCode").asInt()).isEqualTo(401);
        assertThat(unauthorized.path("code").asText()).isEqualTo("Unauthorized");
        assertThat(unauthorized.path("message").asText()).isEqualTo(Authorizers.MISSING_KEY_MESSAGE);
    }

    private JsonNode body(String type) throws Exception {
        return Json.parse(responses.path(type).path("ResponseTemplates").path("application/json").asText())
                .path("error");
    }
}
