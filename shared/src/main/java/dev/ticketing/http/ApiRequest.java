package dev.ticketing.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.error.UnauthorizedException;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.Json;
import dev.ticketing.json.JsonText;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Read access to an API Gateway proxy event: the caller's instance, parameters, headers and body. */
public final class ApiRequest {

    /** Set by the authorizer in its context; API Gateway passes it to every function. */
    public static final String INSTANCE_ID = "instanceId";

    private final APIGatewayProxyRequestEvent event;

    public ApiRequest(APIGatewayProxyRequestEvent event) {
        this.event = event;
    }

    public String instanceId() {
        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        Map<String, Object> authorizer = context == null ? null : context.getAuthorizer();
        Object instanceId = authorizer == null ? null : authorizer.get(INSTANCE_ID);
        if (instanceId == null || instanceId.toString().isBlank()) {
            throw new UnauthorizedException("Missing or invalid API key: pass it as the 'key' query parameter.");
        }
        return instanceId.toString();
    }

    public String pathParameter(String name) {
        Map<String, String> parameters = event.getPathParameters();
        String value = parameters == null ? null : parameters.get(name);
        if (value == null || value.isBlank()) {
            throw new ValidationException(name, "is required in the path");
        }
        return value;
    }

    /** A query parameter's value; when it is repeated, the last value wins, as API Gateway does. */
    public Optional<String> query(String name) {
        Map<String, List<String>> multi = event.getMultiValueQueryStringParameters();
        if (multi != null && multi.get(name) != null && !multi.get(name).isEmpty()) {
            List<String> values = multi.get(name);
            return Optional.ofNullable(values.get(values.size() - 1));
        }
        Map<String, String> single = event.getQueryStringParameters();
        return Optional.ofNullable(single == null ? null : single.get(name));
    }

    /** The names of every query parameter sent. */
    public Set<String> queryNames() {
        Set<String> names = new HashSet<>();
        if (event.getMultiValueQueryStringParameters() != null) {
            names.addAll(event.getMultiValueQueryStringParameters().keySet());
        }
        if (event.getQueryStringParameters() != null) {
            names.addAll(event.getQueryStringParameters().keySet());
        }
        return names;
    }

    /** A header's value, matched without regard to case as HTTP requires. */
    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The {@code timezone} parameter: whole hours from GMT, -12 to 14; 0 when absent. */
    public ZoneOffset timezone() {
        return Timezones.parse(query("timezone").orElse(null));
    }

    public JsonNode jsonBody() {
        String body = event.getBody();
        if (body == null || body.isBlank()) {
            throw new ValidationException("body", "is required: send a JSON object");
        }
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ValidationException("body", "is marked base64-encoded but is not valid base64");
            }
        }
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (StreamConstraintsException e) {
            throw new ValidationException("body", "is too deeply nested (at most " + Json.MAX_NESTING_DEPTH
                    + " levels) or holds a number longer than " + Json.MAX_NUMBER_LENGTH + " characters");
        } catch (JsonProcessingException e) {
            // Some parse failures (a constraint, an I/O fault) carry no location.
            JsonLocation location = e.getLocation();
            throw new ValidationException("body", location == null ? "is not valid JSON"
                    : "is not valid JSON (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
        }
        JsonText.firstUnpairedSurrogate(json, "").ifPresent(field -> {
            throw new ValidationException(field.isEmpty() ? "body" : field,
                    "holds an unpaired UTF-16 surrogate (such as \\ud800 alone), which is not text");
        });
        return json;
    }
}
