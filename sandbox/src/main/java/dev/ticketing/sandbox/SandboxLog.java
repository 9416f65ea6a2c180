package dev.ticketing.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.argument.StructuredArguments;

/**
 * The sandbox's own log lines, as JSON through the functions' logging (SLF4J and Powertools' layout): named fields
 * only. Callers never pass a query string, headers or a body, so API keys cannot reach these lines; a failure is
 * logged by its type and where it was thrown, not by its message.
 */
final class SandboxLog {

    private static final Logger LOG = LoggerFactory.getLogger("dev.ticketing.sandbox");

    private SandboxLog() {
    }

    static void info(String message, Object... namesAndValues) {
        LOG.info(message, StructuredArguments.entries(fields(namesAndValues)));
    }

    static void error(String message, Throwable error, Object... namesAndValues) {
        Map<String, Object> fields = fields(namesAndValues);
        fields.put("error_type", error.getClass().getName());
        StackTraceElement[] stack = error.getStackTrace();
        if (stack.length > 0) {
            fields.put("error_at", stack[0].toString());
        }
        LOG.error(message, StructuredArguments.entries(fields));
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            fields.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return fields;
    }
}
