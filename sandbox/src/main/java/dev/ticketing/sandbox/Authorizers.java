package dev.ticketing.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.auth.UnauthorizedSignal;
import dev.ticketing.error.ErrorCode;
import dev.ticketing.error.ForbiddenException;
import dev.ticketing.error.TicketingException;
import dev.ticketing.error.UnauthorizedException;
import dev.ticketing.json.Json;
import dev.ticketing.lambda.LambdaEvents;
import dev.ticketing.local.template.AuthorizerSpec;
import dev.ticketing.local.template.Route;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs REQUEST authorizers as API Gateway does: a request missing an identity source is refused without calling the
 * function; otherwise the function's answer (a policy, or a refusal) is cached per identity value for the TTL and
 * its policy is checked against each request's method ARN.
 */
public final class Authorizers {

    static final String MISSING_KEY_MESSAGE = "Missing or invalid API key: pass it as the 'key' query parameter.";

    // Stale entries are only replaced when their identity comes back; past this size they are swept.
    private static final int SWEEP_THRESHOLD = 10_000;

    private final Functions functions;
    private final Clock clock;
    private final Optional<Duration> ttlOverride;
    private final Map<List<String>, Cached> cache = new ConcurrentHashMap<>();

    /** {@code ttlOverride} replaces every authorizer's {@code ReauthorizeEvery}, e.g. for tests. */
    public Authorizers(Functions functions, Clock clock, Optional<Duration> ttlOverride) {
        this.functions = functions;
        this.clock = clock;
        this.ttlOverride = ttlOverride;
    }

    public Outcome authorize(AuthorizerSpec spec, IncomingRequest in, Route route, Map<String, String> pathParameters,
                             String requestId) {
        Optional<List<String>> identity = identity(spec, in);
        if (identity.isEmpty()) {
            return new Outcome.Denied(new UnauthorizedException(MISSING_KEY_MESSAGE));
        }
        List<String> cacheKey = new ArrayList<>(identity.get());
        cacheKey.add(0, spec.name());
        Instant now = clock.instant();
        Cached cached = cache.get(cacheKey);
        Result result;
        if (cached != null && now.isBefore(cached.expires())) {
            result = cached.result();
        } else {
            result = invoke(spec, in, route, pathParameters, requestId);
            remember(cacheKey, result, now, ttlOverride.orElse(spec.ttl()));
        }
        return result.decide(ProxyEvents.methodArn(in.method(), in.rawPath()));
    }

    private Result invoke(AuthorizerSpec spec, IncomingRequest in, Route route, Map<String, String> pathParameters,
                          String requestId) {
        Optional<FunctionRunner> runner = functions.runner(spec.functionName());
        if (runner.isEmpty()) {
            SandboxLog.info("authorizer unavailable", "function", spec.functionName());
            return new Result.Failed();
        }
        try {
            FunctionInvocation result = runner.get().invoke(
                    LambdaEvents.toBytes(ProxyEvents.authorizerRequest(in, route, pathParameters, requestId)),
                    requestId);
            if (result instanceof FunctionInvocation.Failure failure) {
                // API Gateway recognises a refusal by the error message alone, whatever the exception type.
                if (UnauthorizedSignal.MESSAGE.equals(failure.errorMessage())) {
                    return new Result.Refused();
                }
                SandboxLog.info("authorizer failed", "function", spec.functionName(),
                        "errorType", failure.errorType(), "requestId", requestId);
                return new Result.Failed();
            }
            // Lambda hands API Gateway the handler's output as JSON, so it is judged in that form.
            return Result.of(Json.MAPPER.readTree(((FunctionInvocation.Success) result).payload()),
                    spec.functionName());
        } catch (IOException e) {
            SandboxLog.error("malformed authorizer response", e, "function", spec.functionName(),
                    "requestId", requestId);
            return new Result.Failed();
        }
    }

    private void remember(List<String> cacheKey, Result result, Instant now, Duration ttl) {
        if (result instanceof Result.Failed || ttl.isZero() || ttl.isNegative()) {
            return;
        }
        if (cache.size() > SWEEP_THRESHOLD) {
            cache.values().removeIf(entry -> !now.isBefore(entry.expires()));
        }
        cache.put(cacheKey, new Cached(result, now.plus(ttl)));
    }

    /** The identity source values, or empty when one is missing or blank (API Gateway then answers 401 itself). */
    private static Optional<List<String>> identity(AuthorizerSpec spec, IncomingRequest in) {
        List<String> values = new ArrayList<>();
        Map<String, String> query = ProxyEvents.lastValues(ProxyEvents.multiValueQuery(in.rawQuery()));
        for (String name : spec.queryStrings()) {
            values.add(query == null ? null : query.get(name));
        }
        for (String name : spec.headers()) {
            values.add(in.headers().entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().get(header.getValue().size() - 1))
                    .findFirst().orElse(null));
        }
        boolean complete = values.stream().allMatch(value -> value != null && !value.isBlank());
        return complete ? Optional.of(values) : Optional.empty();
    }

    private record Cached(Result result, Instant expires) {
    }

    /** What the authorizer function said, before it is applied to a particular request. */
    private sealed interface Result {

        Outcome decide(String methodArn);

        static Result of(JsonNode output, String functionName) {
            JsonNode principal = output.path("principalId");
            JsonNode policy = output.path("policyDocument");
            Map<String, Object> context = new LinkedHashMap<>();
            if (principal.isValueNode()) {
                context.put("principalId", principal.asText());
            }
            for (Map.Entry<String, JsonNode> entry : output.path("context").properties()) {
                if (!entry.getValue().isValueNode()) {
                    // API Gateway accepts only strings, numbers and booleans in the context.
                    SandboxLog.info("authorizer returned a nested context value", "function", functionName,
                            "field", entry.getKey());
                    return new Failed();
                }
                // REST APIs hand context values to the function as strings.
                context.put(entry.getKey(), entry.getValue().asText());
            }
            if (!principal.isValueNode() || !policy.isObject()) {
                SandboxLog.info("authorizer returned no principalId or policyDocument", "function", functionName);
                return new Failed();
            }
            JsonNode usageKey = output.path("usageIdentifierKey");
            return new Policy(policy, Collections.unmodifiableMap(context),
                    usageKey.isTextual() ? Optional.of(usageKey.asText()) : Optional.empty());
        }

        record Policy(JsonNode document, Map<String, Object> context, Optional<String> usageIdentifierKey)
                implements Result {
            @Override
            public Outcome decide(String methodArn) {
                return switch (IamPolicy.evaluate(document, methodArn)) {
                    case ALLOW -> new Outcome.Allowed(context, usageIdentifierKey);
                    case EXPLICIT_DENY -> new Outcome.Denied(new ForbiddenException(
                            "User is not authorized to access this resource with an explicit deny"));
                    case IMPLICIT_DENY -> new Outcome.Denied(new ForbiddenException(
                            "User is not authorized to access this resource"));
                };
            }
        }

        record Refused() implements Result {
            @Override
            public Outcome decide(String methodArn) {
                return new Outcome.Denied(new UnauthorizedException(MISSING_KEY_MESSAGE));
            }
        }

        record Failed() implements Result {
            @Override
            public Outcome decide(String methodArn) {
                return new Outcome.Denied(new TicketingException(ErrorCode.InternalError,
                        "The request could not be authorized; it is safe to retry."));
            }
        }
    }

    /** Whether the request goes on to its function, and with which authorizer context. */
    public sealed interface Outcome {

        /** {@code usageIdentifierKey}: the API key the authorizer named for usage plans, if any. */
        record Allowed(Map<String, Object> context, Optional<String> usageIdentifierKey) implements Outcome {

            Allowed(Map<String, Object> context) {
                this(context, Optional.empty());
            }

            /** The key usage plans count this request against: the named API key, else the principal. */
            String usageKey() {
                return usageIdentifierKey.orElse(String.valueOf(context.get("principalId")));
            }
        }

        record Denied(TicketingException error) implements Outcome {
        }
    }
}
