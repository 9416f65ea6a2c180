package dev.ticketing.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints what a function's execution environment says, as CloudWatch would show it: Lambda's {@code START},
 * {@code END} and {@code REPORT} lines, the init duration, and the function's own log lines, each prefixed with the
 * function's name. The emulator's internal chatter is left out.
 */
final class FunctionLog {

    private static final Pattern INIT_REPORT = Pattern.compile("INIT REPORT\\(durationMs: ([0-9.]+)\\)");
    private static final String EMULATOR_MARK = "(rapid)";

    private FunctionLog() {
    }

    /** The line to print for one line of a process's output, or null to leave it out. */
    static String format(String functionName, String line) {
        if (line.contains(EMULATOR_MARK)) {
            Matcher init = INIT_REPORT.matcher(line);
            return init.find() ? "[" + functionName + "] INIT_REPORT Init Duration: " + init.group(1) + " ms" : null;
        }
        return line.isBlank() ? null : "[" + functionName + "] " + line;
    }

    static void print(String functionName, String line) {
        String formatted = format(functionName, line);
        if (formatted != null) {
            System.out.println(formatted);
        }
    }
}
