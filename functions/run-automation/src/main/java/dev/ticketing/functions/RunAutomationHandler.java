package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.observability.RequestScope;
import dev.ticketing.service.ScheduledAutomation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The EventBridge schedule's target, every 5 minutes: escalates tickets whose service-level targets passed unmet
 * and handles idle tickets, finding both through the timers index. The event's {@code time} (the schedule's
 * {@code <aws.scheduler.scheduled-time>}, template.yaml) is the run's clock, so a retried event acts as of its
 * own time; without one, the run is as of now. Answers what the run did, which its log line also holds.
 */
public final class RunAutomationHandler implements RequestStreamHandler {

    static final String ROUTE = "automation";

    private final ScheduledAutomation automation;

    public RunAutomationHandler() {
        this(Dependencies.get().scheduledAutomation());
    }

    public RunAutomationHandler(ScheduledAutomation automation) {
        this.automation = automation;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        RequestScope scope = RequestScope.scheduled(ROUTE, context);
        int status = 500;
        try {
            ScheduledAutomation.Run run = scheduledTime(input.readAllBytes()).map(automation::run)
                    .orElseGet(automation::run);
            ObjectNode summary = Json.MAPPER.valueToTree(run);
            summary.properties().forEach(field -> RequestScope.note(field.getKey(), field.getValue()));
            output.write(Json.write(summary).getBytes(StandardCharsets.UTF_8));
            status = 200;
        } catch (RuntimeException e) {
            scope.failed(e);
            throw e;
        } finally {
            scope.close(status);
        }
    }

    /** The event's {@code time}, when it has a readable one. */
    static Optional<Instant> scheduledTime(byte[] event) {
        try {
            JsonNode time = Json.MAPPER.readTree(event).path("time");
            return time.isTextual() ? Optional.of(Instant.parse(time.asText())) : Optional.empty();
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
