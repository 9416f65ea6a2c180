package dev.ticketing.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One invocation through the emulator: the function's answer (or Lambda's error document) and the durations the
 * emulator reported for it.
 *
 * @param payload          what the invoke API answered: the function's JSON, or Lambda's error document
 * @param initDurationMs   the emulator's {@code INIT REPORT} when this invocation started the runtime, else empty
 * @param durationMs       the emulator's {@code INVOKE RTDONE} duration of this invocation, when reported
 * @param timedOut         true when the function ran past the template's {@code Timeout}
 */
public record Invocation(byte[] payload, OptionalDouble initDurationMs, OptionalDouble durationMs, boolean timedOut) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The error Lambda reports when the handler threw or could not be loaded ({@code errorMessage}, {@code errorType});
     * empty for a normal answer. The emulator, unlike Lambda's Invoke API, sets no {@code X-Amz-Function-Error}
     * header, so the document is recognised by its shape: an object with exactly Lambda's error fields.
     */
    public Optional<FunctionError> error() {
        if (timedOut) {
            return Optional.of(new FunctionError("Sandbox.Timedout", new String(payload, StandardCharsets.UTF_8)));
        }
        try {
            JsonNode node = JSON.readTree(payload);
            if (node != null && node.isObject() && node.path("errorMessage").isTextual()
                    && node.path("errorType").isTextual()) {
                for (var names = node.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!name.equals("errorMessage") && !name.equals("errorType") && !name.equals("stackTrace")
                            && !name.equals("cause")) {
                        return Optional.empty();
                    }
                }
                return Optional.of(new FunctionError(node.path("errorType").asText(),
                        node.path("errorMessage").asText()));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Lambda's description of a failed invocation. */
    public record FunctionError(String errorType, String errorMessage) {
    }
}
