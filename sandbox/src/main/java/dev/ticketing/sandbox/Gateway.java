package dev.ticketing.sandbox;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.error.ErrorBodies;
import dev.ticketing.error.ErrorCode;
import dev.ticketing.error.NotFoundException;
import dev.ticketing.error.TicketingException;
import dev.ticketing.http.ErrorResponses;
import dev.ticketing.json.Json;
import dev.ticketing.lambda.LambdaEvents;
import dev.ticketing.local.template.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The API Gateway stand-in, independent of HTTP: routes a request, runs its authorizer, invokes its function and
 * turns the outcome into a response, with API Gateway's own errors in the project's JSON error shape.
 */
public final class Gateway {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    // The same code and message as template.yaml's THROTTLED gateway response (GatewayResponsesTest checks).
    static final String TOO_MANY_REQUESTS = "TooManyRequests";
    static final String THROTTLED_MESSAGE =
            "Rate limit exceeded: 100 requests per 60 seconds per instance (burst 100).";

    /** Lambda's limit on a synchronous invocation's request and response payloads: 6 MB (6,291,456 bytes). */
    static final int LAMBDA_PAYLOAD_LIMIT = 6 * 1024 * 1024;
    /** API Gateway REST's default integration timeout. */
    static final long INTEGRATION_TIMEOUT_NANOS = 29_000_000_000L;

    private final Router router;
    private final Functions functions;
    private final Authorizers authorizers;
    private final Clock clock;
    private final Optional<Throttle> throttle;
    private final BinaryMediaTypes binaryMediaTypes;

    /** Enforces the routes' usage plans. */
    public Gateway(Router router, Functions functions, Authorizers authorizers, Clock clock) {
        this(router, functions, authorizers, clock, Optional.of(new Throttle(clock)));
    }

    /** {@code throttle} empty: usage plans are not enforced. */
    public Gateway(Router router, Functions functions, Authorizers authorizers, Clock clock,
                   Optional<Throttle> throttle) {
        this(router, functions, authorizers, clock, throttle, BinaryMediaTypes.NONE);
    }

    /** {@code binaryMediaTypes}: the API's, whose bodies reach functions base64-encoded. */
    public Gateway(Router router, Functions functions, Authorizers authorizers, Clock clock,
                   Optional<Throttle> throttle, BinaryMediaTypes binaryMediaTypes) {
        this.binaryMediaTypes = binaryMediaTypes;
        this.router = router;
        this.functions = functions;
        this.authorizers = authorizers;
        this.clock = clock;
        this.throttle = throttle;
    }

    public OutgoingResponse handle(IncomingRequest in) {
        long start = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        String route = null;
        OutgoingResponse response;
        try {
            Router.Match match = router.match(in.method(), in.rawPath());
            if (match instanceof Router.Match.Found found) {
                route = found.route().toString();
            }
            response = respond(in, match, requestId);
        } catch (UrlDecoding.MalformedEncoding e) {
            response = error(new TicketingException(ErrorCode.BadRequest,
                    "The request URL is not validly percent-encoded."));
        }
        response = withHeader(response, REQUEST_ID_HEADER, requestId);
        // Only the route template and the status: the path may hold ids and the query string holds the API key.
        SandboxLog.info("sandbox request", "method", in.method(), "route", route, "status", response.status(),
                "durationMs", (System.nanoTime() - start) / 1_000_000, "requestId", requestId);
        return response;
    }

    private OutgoingResponse respond(IncomingRequest in, Router.Match match, String requestId) {
        if (match instanceof Router.Match.NotFound) {
            return error(new NotFoundException("No route matches " + in.method() + " " + in.rawPath() + "."));
        }
        if (match instanceof Router.Match.MethodNotAllowed notAllowed) {
            String allow = String.join(", ", notAllowed.allowed());
            return withHeader(error(new TicketingException(ErrorCode.MethodNotAllowed, in.method()
                    + " is not supported on " + notAllowed.path() + "; use " + allow + ".")), "Allow", allow);
        }
        Router.Match.Found found = (Router.Match.Found) match;
        Route route = found.route();
        Map<String, Object> authorizerContext = null;
        if (route.authorizer().isPresent()) {
            Authorizers.Outcome outcome = authorizers.authorize(route.authorizer().get(), in, route,
                    found.pathParameters(), requestId);
            if (outcome instanceof Authorizers.Outcome.Denied denied) {
                return error(denied.error());
            }
            Authorizers.Outcome.Allowed allowed = (Authorizers.Outcome.Allowed) outcome;
            authorizerContext = allowed.context();
            Optional<OutgoingResponse> throttled = throttled(route, allowed.usageKey());
            if (throttled.isPresent()) {
                return throttled.get();
            }
        }
        return invoke(route, ProxyEvents.request(in, route, found.pathParameters(), authorizerContext, requestId,
                clock.instant(), binaryMediaTypes), requestId);
    }

    /** API Gateway checks the usage plan after the authorizer has named the key, before the function runs. */
    private Optional<OutgoingResponse> throttled(Route route, String usageKey) {
        if (route.usagePlan().isEmpty() || throttle.isEmpty()) {
            return Optional.empty();
        }
        return throttle.get().acquire(route.usagePlan().get(), usageKey).map(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            return withHeader(error(new TicketingException(ErrorCode.TooManyRequests, THROTTLED_MESSAGE)),
                    "Retry-After", Long.toString(seconds));
        });
    }

    private OutgoingResponse invoke(Route route, Object event, String requestId) {
        Optional<FunctionRunner> runner = functions.runner(route.functionName());
        if (runner.isEmpty()) {
            SandboxLog.info("function unavailable", "function", route.functionName(),
                    "reason", functions.unavailable().get(route.functionName()));
            return badGateway();
        }
        try {
            byte[] payload = LambdaEvents.toBytes(event);
            if (payload.length > LAMBDA_PAYLOAD_LIMIT) {
                // Lambda refuses the invocation before the function runs.
                return error(new TicketingException(ErrorCode.PayloadTooLarge, "The request is larger than the 6 MB a"
                        + " function can be invoked with; send less than 6 MB."));
            }
            long start = System.nanoTime();
            FunctionInvocation result = runner.get().invoke(payload, requestId);
            if (System.nanoTime() - start > INTEGRATION_TIMEOUT_NANOS) {
                // API Gateway stops waiting at 29 s, whatever the function's own Timeout.
                return error(new TicketingException(ErrorCode.GatewayTimeout,
                        "The function did not answer within 29 s."));
            }
            if (result instanceof FunctionInvocation.Failure failure) {
                // API Gateway answers 502 when the function fails, a timeout under 29 s included.
                SandboxLog.info("function failed", "function", route.functionName(),
                        "errorType", failure.errorType(), "requestId", requestId);
                return badGateway();
            }
            byte[] answer = ((FunctionInvocation.Success) result).payload();
            if (answer.length > LAMBDA_PAYLOAD_LIMIT) {
                SandboxLog.info("function response over 6 MB", "function", route.functionName(),
                        "bytes", answer.length, "requestId", requestId);
                return badGateway();
            }
            return ProxyEvents.response(LambdaEvents.read(answer, APIGatewayProxyResponseEvent.class));
        } catch (IOException | IllegalArgumentException e) {
            // ... and when its response is not a valid proxy response.
            SandboxLog.error("malformed function response", e, "function", route.functionName(),
                    "requestId", requestId);
            return badGateway();
        }
    }

    private static OutgoingResponse badGateway() {
        return error(new TicketingException(ErrorCode.BadGateway,
                "The function failed to produce a response; see the sandbox log."));
    }

    static OutgoingResponse error(TicketingException e) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        int status = ErrorResponses.status(e.code());
        return new OutgoingResponse(status, headers,
                Json.write(ErrorBodies.of(status, e)).getBytes(StandardCharsets.UTF_8));
    }

    private static OutgoingResponse withHeader(OutgoingResponse response, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(response.headers());
        headers.put(name, new ArrayList<>(List.of(value)));
        return new OutgoingResponse(response.status(), headers, response.body());
    }
}
