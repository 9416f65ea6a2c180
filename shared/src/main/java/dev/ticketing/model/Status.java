package dev.ticketing.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Ticket status, declared in workflow order (the order used when sorting by status). Responses name each status as
 * the reference does; {@link #label()} is the live API's label, which requests may use too ("In Progress" for
 * {@code Started}).
 */
public enum Status {
    Open("Open"), Reopened("Reopened"), Started("In Progress"), Resolved("Resolved"), Closed("Closed");

    public static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();

    private final String label;

    Status(String label) {
        this.label = label;
    }

    /** The live API's label: the name, except "In Progress" for {@code Started}. */
    public String label() {
        return label;
    }

    /**
     * Parses a status name or its live label; surrounding spaces are ignored because the reference prints
     * {@code ' Closed'}.
     */
    public static Optional<Status> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip();
        return Arrays.stream(values()).filter(s -> s.name().equals(name) || s.label.equals(name)).findFirst();
    }
}
