package dev.ticketing.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies of the API reference's examples, verbatim. The reference prints example 2 on one line, where its
 * {@code // ...} comments would swallow the rest; a line break after each comment is the only change.
 */
public final class ReferenceExamples {

    public static final String CREATE_TICKET_1 = "/reference-examples/create-ticket-1.json";
    public static final String CREATE_TICKET_2 = "/reference-examples/create-ticket-2.json";

    private ReferenceExamples() {
    }

    public static String read(String resource) {
        try (InputStream in = ReferenceExamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
