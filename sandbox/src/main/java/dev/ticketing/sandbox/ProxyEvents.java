package dev.ticketing.sandbox;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.local.template.Route;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Translates between HTTP and the events API Gateway (REST API, Lambda proxy integration) gives functions and
 * authorizers, following what API Gateway fills in: decoded parameters, null maps when there are none, last value
 * wins in the single-value maps.
 */
public final class ProxyEvents {

    static final String ACCOUNT_ID = "000000000000";
    static final String REGION = "us-east-1";
    static final String API_ID = "sandbox";
    static final String STAGE = "v1";

    // The HTTP server computes these from the body it actually sends.
    private static final Set<String> HOP_BY_HOP = Set.of("content-length", "transfer-encoding", "connection");

    private ProxyEvents() {
    }

    public static APIGatewayProxyRequestEvent request(IncomingRequest in, Route route,
                                                      Map<String, String> pathParameters,
                                                      Map<String, Object> authorizer, String requestId,
                                                      Instant now) {
        return request(in, route, pathParameters, authorizer, requestId, now, BinaryMediaTypes.NONE);
    }

    /** As API Gateway builds it: a body of one of {@code binary}'s types is base64-encoded, any other is text. */
    public static APIGatewayProxyRequestEvent request(IncomingRequest in, Route route,
                                                      Map<String, String> pathParameters,
                                                      Map<String, Object> authorizer, String requestId,
                                                      Instant now, BinaryMediaTypes binary) {
        Map<String, List<String>> query = multiValueQuery(in.rawQuery());
        Map<String, List<String>> headers = in.headers().isEmpty() ? null : in.headers();
        boolean encoded = in.body() != null && in.body().length > 0 && binary.matches(header(in, "Content-Type"));
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity()
                .withSourceIp(in.sourceIp())
                .withUserAgent(header(in, "User-Agent"));
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext()
                .withAccountId(ACCOUNT_ID)
                .withApiId(API_ID)
                .withStage(STAGE)
                .withRequestId(requestId)
                .withResourcePath(route.path())
                .withHttpMethod(in.method())
                .withPath("/" + STAGE + in.rawPath())
                .withProtocol("HTTP/1.1")
                .withRequestTimeEpoch(now.toEpochMilli())
                .withIdentity(identity);
        context.setAuthorizer(authorizer);
        return new APIGatewayProxyRequestEvent()
                .withResource(route.path())
                .withPath(in.rawPath())
                .withHttpMethod(in.method())
                .withHeaders(lastValues(headers))
                .withMultiValueHeaders(headers)
                .withQueryStringParameters(lastValues(query))
                .withMultiValueQueryStringParameters(query)
                .withPathParameters(pathParameters)
                .withRequestContext(context)
                .withBody(body(in, encoded))
                .withIsBase64Encoded(encoded);
    }

    /** The event of a REQUEST authorizer. */
    public static APIGatewayCustomAuthorizerEvent authorizerRequest(IncomingRequest in, Route route,
                                                                    Map<String, String> pathParameters,
                                                                    String requestId) {
        APIGatewayCustomAuthorizerEvent.RequestContext context = new APIGatewayCustomAuthorizerEvent.RequestContext();
        context.setAccountId(ACCOUNT_ID);
        context.setApiId(API_ID);
        context.setStage(STAGE);
        context.setRequestId(requestId);
        context.setResourcePath(route.path());
        context.setHttpMethod(in.method());
        context.setPath("/" + STAGE + in.rawPath());
        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType("REQUEST");
        event.setMethodArn(methodArn(in.method(), in.rawPath()));
        event.setResource(route.path());
        event.setPath(in.rawPath());
        event.setHttpMethod(in.method());
        event.setHeaders(lastValues(in.headers().isEmpty() ? null : in.headers()));
        event.setQueryStringParameters(lastValues(multiValueQuery(in.rawQuery())));
        event.setPathParameters(pathParameters);
        event.setRequestContext(context);
        return event;
    }

    /** {@code arn:aws:execute-api:region:account:api/stage/METHOD/path}, the resource an authorizer's policy names. */
    public static String methodArn(String method, String rawPath) {
        return "arn:aws:execute-api:" + REGION + ":" + ACCOUNT_ID + ":" + API_ID + "/" + STAGE + "/" + method + rawPath;
    }

    /** Every value of every query parameter, decoded, in order; null when the request has no query string. */
    public static Map<String, List<String>> multiValueQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = UrlDecoding.queryComponent(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : UrlDecoding.queryComponent(pair.substring(equals + 1));
            if (name.isEmpty()) {
                continue;
            }
            parameters.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    /** The single-value view API Gateway also sends: the last value of each name. */
    public static Map<String, String> lastValues(Map<String, List<String>> multi) {
        if (multi == null) {
            return null;
        }
        Map<String, String> last = new LinkedHashMap<>();
        multi.forEach((name, values) -> last.put(name, values.get(values.size() - 1)));
        return last;
    }

    /**
     * The HTTP response for a function's proxy response. Like API Gateway, header values from
     * {@code multiValueHeaders} replace those of {@code headers} for the same name.
     *
     * @throws IllegalArgumentException when the response is one API Gateway would reject with a 502
     */
    public static OutgoingResponse response(APIGatewayProxyResponseEvent response) {
        if (response == null || response.getStatusCode() == null
                || response.getStatusCode() < 100 || response.getStatusCode() > 599) {
            throw new IllegalArgumentException("Malformed Lambda proxy response: no valid statusCode");
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> {
                if (value != null) {
                    headers.put(name, List.of(value));
                }
            });
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> {
                if (values != null) {
                    headers.put(name, values.stream().filter(Objects::nonNull).toList());
                }
            });
        }
        headers.keySet().removeIf(name -> HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)));
        String body = response.getBody() == null ? "" : response.getBody();
        byte[] bytes = Boolean.TRUE.equals(response.getIsBase64Encoded())
                ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        return new OutgoingResponse(response.getStatusCode(), new LinkedHashMap<>(headers), bytes);
    }

    private static String body(IncomingRequest in, boolean encoded) {
        if (in.body() == null || in.body().length == 0) {
            return null;
        }
        return encoded ? Base64.getEncoder().encodeToString(in.body()) : new String(in.body(), StandardCharsets.UTF_8);
    }

    private static String header(IncomingRequest in, String name) {
        return in.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(header -> header.getValue().get(header.getValue().size() - 1))
                .findFirst()
                .orElse(null);
    }
}
