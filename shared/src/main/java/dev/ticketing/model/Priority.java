package dev.ticketing.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Ticket priority, declared in severity order (the order used when sorting by priority). */
public enum Priority {
    Low, Medium, Important, Urgent;

    public static final Priority DEFAULT = Medium;

    public static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();

    /** Parses a priority name; surrounding spaces are ignored, case is not. */
    public static Optional<Priority> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip();
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
    }
}
