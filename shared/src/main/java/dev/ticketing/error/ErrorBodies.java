package dev.ticketing.error;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.Json;
import java.util.List;

/**
 * The one JSON error shape, flat so that clients of the live API, which read {@code error} as a boolean and
 * {@code message} and {@code statusCode} beside it, find what they expect:
 * {@code {"error": true, "statusCode": 400, "code": "ValidationError", "message": "...",
 * "details": [{"field", "message"}]}}. The functions, API Gateway's gateway responses (template.yaml), the sandbox
 * and the admin tool (without {@code statusCode}) all answer with it.
 */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    /** The body of an HTTP error answer. */
    public static ObjectNode of(int statusCode, TicketingException e) {
        return of(statusCode, e.code().name(), e.getMessage(), e.details());
    }

    /** The error as the admin tool prints it: no HTTP, so no status. */
    public static ObjectNode of(TicketingException e) {
        return of(null, e.code().name(), e.getMessage(), e.details());
    }

    /** For the admin tool's own failures (such as an AWS call that failed), which are not API errors. */
    public static ObjectNode of(String code, String message) {
        return of(null, code, message, List.of());
    }

    private static ObjectNode of(Integer statusCode, String code, String message, List<FieldError> fieldErrors) {
        ObjectNode body = Json.object();
        body.put("error", true);
        if (statusCode != null) {
            body.put("statusCode", statusCode.intValue());
        }
        body.put("code", code);
        body.put("message", message);
        ArrayNode details = body.putArray("details");
        for (FieldError fieldError : fieldErrors) {
            details.addObject().put("field", fieldError.field()).put("message", fieldError.message());
        }
        return body;
    }
}
