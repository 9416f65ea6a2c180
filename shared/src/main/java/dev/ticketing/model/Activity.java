package dev.ticketing.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * IActivity: one entry of a ticket's history. {@code ticketId} is the ticket's number, {@code ticketUuid} its id
 * (null on activities stored before it was kept; the service fills it in). {@code details} holds the type's own
 * fields (a comment's text, HTML and privacy; a status change's from, to, resolution and comment; an update's
 * changes).
 */
public record Activity(
        String instanceId,
        long ticketId,
        String ticketUuid,
        String id,
        ActivityType type,
        User user,
        Instant createdOn,
        ObjectNode details) {

    /** This activity of the ticket {@code ticketUuid}. */
    public Activity withTicketUuid(String uuid) {
        return new Activity(instanceId, ticketId, uuid, id, type, user, createdOn, details);
    }
}
