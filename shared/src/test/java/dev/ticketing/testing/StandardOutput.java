package dev.ticketing.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What a piece of code prints on standard output, where the functions' log lines and metric records go (the log
 * configuration follows {@code System.out}, and the EMF sink prints to it).
 */
public final class StandardOutput {

    private StandardOutput() {
    }

    /** Runs {@code action} and returns the lines it printed on standard output, in order. */
    public static synchronized List<String> capture(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.out.flush();
            System.setOut(original);
        }
        return Arrays.stream(bytes.toString(StandardCharsets.UTF_8).split("\\R")).filter(line -> !line.isBlank())
                .toList();
    }
}
