package dev.ticketing.error;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.Json;

/**
 * The one JSON error shape: {@code {"error": {"code", "message", "details": [{"field", "message"}]}}}.
 * API Gateway's own responses use the same shape through gateway-response templates.
 */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    public static ObjectNode of(ApiException e) {
        ObjectNode error = Json.object();
        error.put("code", e.code());
        error.put("message", e.getMessage());
        ArrayNode details = error.putArray("details");
        for (FieldError fieldError : e.details()) {
            details.addObject().put("field", fieldError.field()).put("message", fieldError.message());
        }
        ObjectNode body = Json.object();
        body.set("error", error);
        return body;
    }

    public static ObjectNode internalError() {
        return of(new ApiException(500, "InternalError", "The request could not be completed; it is safe to retry."));
    }
}
