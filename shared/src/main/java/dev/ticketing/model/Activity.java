package dev.ticketing.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * IActivity: one entry of a ticket's history. {@code details} holds the type's own fields
 * (a comment's text; a status change's from, to, resolution and comment; an update's changed fields).
 */
public record Activity(
        String instanceId,
        long ticketId,
        String id,
        ActivityType type,
        User user,
        Instant createdOn,
        ObjectNode details) {
}
