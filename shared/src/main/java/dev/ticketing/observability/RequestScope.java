package dev.ticketing.observability;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ticketing.auth.UnauthorizedSignal;
import dev.ticketing.http.ApiRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.logging.argument.StructuredArguments;

/**
 * One invocation, from the event's arrival to its answer: the Lambda context and the request's correlation id and
 * instance id in every log line meanwhile (Powertools logging), the counts the request makes, then one
 * {@code "request"} line and one metric record ({@link EmfRecords}). A function serves one invocation at a time on
 * one thread; the scope is that thread's.
 *
 * <p>Nothing here logs a query string, a header, a body or a path: the route is API Gateway's template, and an
 * unexpected failure's messages are logged with the request's credentials masked ({@link Redaction}).
 */
public final class RequestScope {

    /** The route of the authorizer's lines and records: it serves every route. */
    public static final String AUTHORIZER_ROUTE = "authorizer";
    /** The outcome of answers below 400; 4xx answers have their error code, 5xx {@link #INTERNAL_ERROR}. */
    public static final String SUCCESS = "Success";
    public static final String INTERNAL_ERROR = "InternalError";
    /** A 4xx answer that no error code explains. */
    static final String CLIENT_ERROR = "ClientError";
    /** Log fields of our own, beside Powertools' (docs/operations.md, "Logs"). */
    static final String CORRELATION_ID = "correlation_id";
    static final String INSTANCE_ID = "instance_id";
    /** Enough to find the failing call in our code under the runtime's few frames; lines stay far below 256 KB. */
    private static final int MAX_FRAMES = 30;
    private static final int MAX_CAUSES = 5;

    private static final Logger LOG = LoggerFactory.getLogger(RequestScope.class);
    private static final ThreadLocal<RequestScope> CURRENT = new ThreadLocal<>();

    private final String route;
    private final Redaction redaction;
    private final long startNanos = System.nanoTime();
    private final Counts counts = new Counts();
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private String errorCode;

    private RequestScope(String route, Redaction redaction) {
        this.route = route;
        this.redaction = redaction;
    }

    /** Starts an API function's invocation; {@code context} is null in tests. */
    public static RequestScope open(APIGatewayProxyRequestEvent event, Context context) {
        APIGatewayProxyRequestEvent.ProxyRequestContext request = event.getRequestContext();
        Map<String, Object> authorizer = request == null ? null : request.getAuthorizer();
        Object instanceId = authorizer == null ? null : authorizer.get(ApiRequest.INSTANCE_ID);
        PowertoolsLogging.initializeLogging(context);
        return begin(event.getHttpMethod() + " " + event.getResource(), request == null ? null : request.getRequestId(),
                instanceId == null ? null : instanceId.toString(), Redaction.of(event.getQueryStringParameters(),
                        event.getMultiValueQueryStringParameters(), event.getHeaders(),
                        event.getMultiValueHeaders()));
    }

    /**
     * Starts an invocation that no HTTP request caused (the scheduled automation): its line and metrics are
     * named {@code route}, its correlation id is Lambda's request id.
     */
    public static RequestScope scheduled(String route, Context context) {
        PowertoolsLogging.initializeLogging(context);
        return begin(route, context == null ? null : context.getAwsRequestId(), null,
                Redaction.of(null, null, null, null));
    }

    /**
     * Runs the authorizer's decision for one event: an answer is a 200, {@link UnauthorizedSignal} a 401 refusal,
     * anything else a failure. Both are rethrown, since Lambda must see them.
     */
    public static <T> T authorize(APIGatewayCustomAuthorizerEvent event, Context context, Supplier<T> decision) {
        APIGatewayCustomAuthorizerEvent.RequestContext request = event.getRequestContext();
        PowertoolsLogging.initializeLogging(context);
        RequestScope scope = begin(AUTHORIZER_ROUTE, request == null ? null : request.getRequestId(), null,
                Redaction.of(event.getQueryStringParameters(), null, event.getHeaders(), null));
        int status = 500;
        try {
            T answer = decision.get();
            status = 200;
            return answer;
        } catch (UnauthorizedSignal refused) {
            scope.refused(UnauthorizedSignal.MESSAGE);
            status = 401;
            throw refused;
        } catch (RuntimeException e) {
            scope.failed(e);
            throw e;
        } finally {
            scope.close(status);
        }
    }

    private static RequestScope begin(String route, String correlationId, String instanceId, Redaction redaction) {
        // An invocation that ended in an Error never closed its scope: none of its fields may reach this one's lines.
        MDC.remove(CORRELATION_ID);
        MDC.remove(INSTANCE_ID);
        if (correlationId != null) {
            MDC.put(CORRELATION_ID, correlationId);
        }
        if (instanceId != null) {
            MDC.put(INSTANCE_ID, instanceId);
        }
        RequestScope scope = new RequestScope(route, redaction);
        CURRENT.set(scope);
        return scope;
    }

    /** The scope of the invocation this thread runs, if any (none in tests that call services directly). */
    static Optional<RequestScope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Adds to one of the current invocation's counts; outside an invocation, does nothing. */
    static void count(Metric metric, double value) {
        RequestScope scope = CURRENT.get();
        if (scope != null) {
            scope.counts.add(metric, value);
        }
    }

    /** Names the instance the current invocation serves, in its log lines from here on (the authorizer's case). */
    public static void instance(String instanceId) {
        if (CURRENT.get() != null && instanceId != null) {
            MDC.put(INSTANCE_ID, instanceId);
        }
    }

    /** Adds a field to the current invocation's {@code "request"} line; outside an invocation, does nothing. */
    public static void note(String field, Object value) {
        RequestScope scope = CURRENT.get();
        if (scope != null) {
            scope.fields.put(field, value);
        }
    }

    /** The request was refused with this error code (a 4xx answer). */
    public void refused(String code) {
        errorCode = code;
    }

    /**
     * The request failed unexpectedly and will be answered 500: logs the failure now, with its type, message and
     * stack trace, the request's credentials masked in them.
     */
    public void failed(Throwable failure) {
        LOG.error("request failed", StructuredArguments.entry("route", route),
                StructuredArguments.entry("failure", failure(failure, redaction)));
    }

    /** Logs the invocation's {@code "request"} line and publishes its metric record: the end of the scope. */
    public void close(int status) {
        finish(status, false);
    }

    private List<String> finish(int status, boolean priming) {
        try {
            String outcome = status >= 500 ? (errorCode == null ? INTERNAL_ERROR : errorCode)
                    : status >= 400 ? (errorCode == null ? CLIENT_ERROR : errorCode) : SUCCESS;
            if (status >= 500) {
                counts.add(Metric.SERVER_ERRORS, 1);
            } else if (status >= 400) {
                counts.add(Metric.CLIENT_ERRORS, 1);
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("route", route);
            line.put("status", status);
            line.put("outcome", outcome);
            line.put("duration_ms", Math.round((System.nanoTime() - startNanos) / 1_000.0) / 1_000.0);
            line.putAll(fields);
            LOG.info(priming ? "priming request" : "request", StructuredArguments.entries(line));
            if (priming) {
                return EmfRecords.render(route, outcome, counts);
            }
            if (!counts.isEmpty()) {
                // Not before: a request that counted nothing leaves the metrics library unloaded (cold starts).
                EmfRecords.publish(route, outcome, counts);
            }
            return List.of();
        } catch (RuntimeException e) {
            // Observability must never change an answer: a record that cannot be written is logged and dropped.
            LOG.warn("request metrics not published", StructuredArguments.entry("failure", failure(e, redaction)));
            return List.of();
        } finally {
            CURRENT.remove();
            PowertoolsLogging.clearState(true);
        }
    }

    /**
     * SnapStart priming: a made-up request through this class, with every count, a failure rendered (not logged)
     * and a refusal; its line is logged as {@code "priming request"} and its metric record built, serialized and
     * returned, never printed. Leaves Powertools' cold-start flag alone.
     */
    public static List<String> prime() {
        PowertoolsLogging.clearState(false);
        RequestScope scope = begin("GET /priming", "priming", "priming", Redaction.of(Map.of("key",
                "priming-key-0123456789"), null, Map.of("x-api-key", "priming-key-0123456789"), null));
        for (Metric metric : Metric.values()) {
            scope.counts.add(metric, 1);
        }
        failure(new IllegalStateException("priming-key-0123456789"), scope.redaction);
        scope.refused("Priming");
        return scope.finish(400, true);
    }

    private static Map<String, String> failure(Throwable failure, Redaction redaction) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", failure.getClass().getName());
        fields.put("message", redaction.apply(failure.getMessage()));
        fields.put("stack", stack(failure, redaction));
        return fields;
    }

    /**
     * A stack trace as Java prints one, shortened: at most {@value #MAX_FRAMES} frames of each throwable and
     * {@value #MAX_CAUSES} causes, every message masked.
     */
    private static String stack(Throwable failure, Redaction redaction) {
        StringBuilder text = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth <= MAX_CAUSES; depth++) {
            if (depth > 0) {
                text.append("Caused by: ");
            }
            text.append(current.getClass().getName());
            if (current.getMessage() != null) {
                text.append(": ").append(redaction.apply(current.getMessage()));
            }
            text.append('\n');
            StackTraceElement[] frames = current.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                text.append("\tat ").append(frames[i]).append('\n');
            }
            if (frames.length > MAX_FRAMES) {
                text.append("\t... ").append(frames.length - MAX_FRAMES).append(" more\n");
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return text.toString();
    }
}
