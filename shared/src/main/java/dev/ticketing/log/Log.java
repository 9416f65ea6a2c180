package dev.ticketing.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.Json;
import java.io.PrintStream;
import java.time.Instant;

/**
 * Structured JSON log lines on standard output, which Lambda sends to CloudWatch Logs. Callers pass
 * named fields; nothing here ever receives a request's query string, headers or body, so API keys cannot
 * reach the logs.
 */
public final class Log {

    private static final PrintStream OUT = System.out;

    private Log() {
    }

    public static void info(String message, Object... fields) {
        OUT.println(Json.write(line("INFO", message, fields)));
    }

    public static void error(String message, Throwable error, Object... fields) {
        ObjectNode line = line("ERROR", message, fields);
        line.put("errorType", error.getClass().getName());
        StackTraceElement[] stack = error.getStackTrace();
        if (stack.length > 0) {
            line.put("errorAt", stack[0].toString());
        }
        OUT.println(Json.write(line));
    }

    private static ObjectNode line(String level, String message, Object... fields) {
        ObjectNode line = Json.object();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("message", message);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            Object value = fields[i + 1];
            if (value instanceof Number number) {
                line.put(String.valueOf(fields[i]), number.longValue());
            } else {
                line.put(String.valueOf(fields[i]), value == null ? null : value.toString());
            }
        }
        return line;
    }
}
