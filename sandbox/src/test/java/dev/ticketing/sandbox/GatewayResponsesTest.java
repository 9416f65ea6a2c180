package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.error.ErrorCode;
import dev.ticketing.http.ErrorResponses;
import dev.ticketing.json.Json;
import java.util.ArrayList;
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
        List<String> types = new ArrayList<>();
        responses.fieldNames().forEachRemaining(types::add);
        assertThat(types).containsAll(REQUIRED);
        for (String type : types) {
            String template = responses.path(type).path("ResponseTemplates").path("application/json").asText();
            // $context.error.messageString is a quoted JSON string once API Gateway fills it in.
            JsonNode body = Json.parse(template.replace("$context.error.messageString", "\"filled in\""));

            assertThat(body.path("error").asBoolean()).as(type).isTrue();
            assertThat(body.path("message").isTextual()).as(type).isTrue();
            assertThat(body.path("details").isArray()).as(type).isTrue();
            // The code is one of the catalogue's, and the status the one the functions give it.
            ErrorCode code = ErrorCode.valueOf(body.path("code").asText());
            if (responses.path(type).has("StatusCode")) {
                int status = responses.path(type).path("StatusCode").asInt();
                assertThat(body.path("statusCode").asInt()).as(type).isEqualTo(status);
                assertThat(ErrorResponses.status(code)).as(type).isEqualTo(status);
            } else {
                assertThat(body.has("statusCode")).as(type).isFalse();
            }
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
        return Json.parse(responses.path(type).path("ResponseTemplates").path("application/json").asText());
    }
}
