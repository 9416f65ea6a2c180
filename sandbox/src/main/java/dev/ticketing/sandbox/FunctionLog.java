package dev.ticketing.sandbox;

import dev.ticketing.local.lambda.LambdaProcess;
import java.util.regex.Pattern;

/**
 * Prints what a function's execution environment says, as CloudWatch would show it: Lambda's {@code START},
 * {@code END} and {@code REPORT} lines, the init duration, and the function's own log lines, each prefixed with the
 * function's name. The emulator's internal chatter is left out.
 */
final class FunctionLog {

    private static final String EMULATOR_MARK = "(rapid)";
    // The emulator's REPORT carries an "Init Duration" it measures from the first invocation, not from the start
    // of the runtime (near zero when the runtime was ready first); the INIT REPORT line is the real one.
    private static final Pattern REPORT_INIT = Pattern.compile("Init Duration: [0-9.]+ ms\t");

    private FunctionLog() {
    }

    /** The line to print for one line of a process's output, or null to leave it out. */
    static String format(String functionName, String line) {
        if (line.contains(EMULATOR_MARK)) {
            return LambdaProcess.initDurationMs(line)
                    .map(ms -> "[" + functionName + "] INIT_REPORT Init Duration: " + ms + " ms").orElse(null);
        }
        if (line.isBlank()) {
            return null;
        }
        String shown = line.startsWith("REPORT RequestId:") ? REPORT_INIT.matcher(line).replaceFirst("") : line;
        return "[" + functionName + "] " + shown;
    }

    static void print(String functionName, String line) {
        String formatted = format(functionName, line);
        if (formatted != null) {
            System.out.println(formatted);
        }
    }
}
