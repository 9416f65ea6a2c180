package dev.ticketing.store;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code orderBy} values of GET /tickets; each is served by its own list index. */
public enum TicketOrder {
    status, ticketId, title, requestorName, requestorEmail, assigneeName, assigneeEmail, expectedDate, priority,
    createdDateTime, lastInteraction;

    public static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();

    public static Optional<TicketOrder> parse(String text) {
        return Arrays.stream(values()).filter(o -> o.name().equals(text)).findFirst();
    }
}
