package dev.ticketing.model;

import java.util.Arrays;
import java.util.Optional;

/** The events a webhook can subscribe to, by their wire names (docs/events.md). */
public enum EventType {
    TICKET_CREATED("ticket.created"),
    TICKET_UPDATED("ticket.updated"),
    TICKET_STATUS_CHANGED("ticket.status_changed"),
    TICKET_ASSIGNED("ticket.assigned"),
    TICKET_ESCALATED("ticket.escalated"),
    TICKET_IDLE("ticket.idle"),
    COMMENT_ADDED("comment.added");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
