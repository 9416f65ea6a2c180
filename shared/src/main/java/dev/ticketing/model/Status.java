package dev.ticketing.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Ticket status, declared in workflow order (the order used when sorting by status). */
public enum Status {
    Open, Reopened, Started, Resolved, Closed;

    public static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();

    /** Parses a status name; surrounding spaces are ignored because the reference prints {@code ' Closed'}. */
    public static Optional<Status> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip();
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
