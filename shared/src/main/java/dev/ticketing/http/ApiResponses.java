package dev.ticketing.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.Json;
import dev.ticketing.service.Idempotency;
import java.util.HashMap;
import java.util.Map;

/** Builds API Gateway proxy responses with JSON bodies. */
public final class ApiResponses {

    private ApiResponses() {
    }

    public static APIGatewayProxyResponseEvent json(int status, JsonNode body) {
        return json(status, body, Map.of());
    }

    public static APIGatewayProxyResponseEvent json(int status, JsonNode body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Content-Type", "application/json");
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(all)
                .withBody(Json.write(body));
    }

    /** A JSON body already serialised, e.g. a stored first response replayed for an idempotent repeat. */
    public static APIGatewayProxyResponseEvent json(int status, String body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Content-Type", "application/json");
        return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(all).withBody(body);
    }

    /** A write's answer as the service returns it, fresh or replayed for an idempotent repeat. */
    public static APIGatewayProxyResponseEvent of(Idempotency.Response response) {
        return json(response.statusCode(), response.body(), response.headers());
    }

    /** {@code {"item": ...}}, the reference's envelope for one resource. */
    public static ObjectNode item(JsonNode item) {
        ObjectNode body = Json.object();
        body.set("item", item);
        return body;
    }
}
