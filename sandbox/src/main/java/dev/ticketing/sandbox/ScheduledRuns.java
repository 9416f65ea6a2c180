package dev.ticketing.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.error.ErrorCode;
import dev.ticketing.error.TicketingException;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The template's scheduled function (the automation, every 5 minutes in AWS) on the sandbox's own clock: every
 * {@code every} in the background when asked, and at once on {@code POST /sandbox/automation/run}, optionally as of
 * another time ({@code ?at=2026-12-04T09:00:00Z}), so a user can watch a target pass or a ticket go idle without
 * waiting for it. The function gets what EventBridge Scheduler sends it: {@code {"time": "<scheduled time>"}}.
 */
final class ScheduledRuns implements LocalEndpoint, AutoCloseable {

    static final String RUN_PATH = "/sandbox/automation/run";

    private final FunctionRunner function;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    ScheduledRuns(FunctionRunner function, Clock clock, Optional<Duration> every) {
        this.function = function;
        this.clock = clock;
        this.timer = every.map(interval -> {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "sandbox-schedule");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::runInBackground, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
            return executor;
        }).orElse(null);
    }

    @Override
    public Optional<OutgoingResponse> handle(IncomingRequest request) {
        if (!request.rawPath().equals(RUN_PATH)) {
            return Optional.empty();
        }
        if (!request.method().equals("POST")) {
            return Optional.of(Gateway.error(new TicketingException(ErrorCode.NotFound,
                    "POST " + RUN_PATH + " runs the automation; no other method is served here.")));
        }
        Instant at;
        try {
            at = at(request.rawQuery());
        } catch (ValidationException e) {
            return Optional.of(Gateway.error(e));
        }
        FunctionInvocation result = run(at);
        if (result instanceof FunctionInvocation.Success success) {
            return Optional.of(new OutgoingResponse(200, Map.of("Content-Type", List.of("application/json")),
                    success.payload()));
        }
        FunctionInvocation.Failure failure = (FunctionInvocation.Failure) result;
        return Optional.of(Gateway.error(new TicketingException(ErrorCode.InternalError,
                "The automation failed: " + failure.errorType() + ": " + failure.errorMessage())));
    }

    /** {@code at=<ISO-8601 instant>}, the only parameter (besides an ignored key); the sandbox's clock without it. */
    private Instant at(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return clock.instant();
        }
        Instant at = null;
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = UrlDecoding.queryComponent(equals < 0 ? pair : pair.substring(0, equals));
                value = equals < 0 ? "" : UrlDecoding.queryComponent(pair.substring(equals + 1));
            } catch (UrlDecoding.MalformedEncoding e) {
                throw new ValidationException("at", "is not valid percent-encoding");
            }
            if (name.equals("key")) {
                // Not needed here, but harmless: a client that signs every call may send it.
                continue;
            }
            if (!name.equals("at")) {
                throw new ValidationException(name, "is not a parameter of POST " + RUN_PATH + "; it takes at");
            }
            try {
                at = Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new ValidationException("at", "must be an ISO-8601 instant such as 2026-12-04T09:00:00Z");
            }
        }
        return at == null ? clock.instant() : at;
    }

    private FunctionInvocation run(Instant at) {
        ObjectNode event = Json.object().put("time", at.toString());
        return function.invoke(Json.write(event).getBytes(StandardCharsets.UTF_8), "schedule-" + UUID.randomUUID());
    }

    private void runInBackground() {
        try {
            FunctionInvocation result = run(clock.instant());
            if (result instanceof FunctionInvocation.Failure failure) {
                SandboxLog.info("scheduled automation failed", "errorType", failure.errorType(), "errorMessage",
                        failure.errorMessage());
            }
        } catch (RuntimeException e) {
            // The next run tries again; the sandbox keeps serving.
            SandboxLog.error("scheduled automation failed", e);
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        function.close();
    }
}
