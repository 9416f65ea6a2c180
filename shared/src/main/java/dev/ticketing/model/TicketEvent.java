package dev.ticketing.model;

import java.time.Instant;

/**
 * One change of a ticket, as webhooks receive it. {@code id} is derived from the change itself (the ticket's
 * version, the comment's activity id), so the same change read twice from the stream is the same event.
 *
 * @param comment the comment of a {@link EventType#COMMENT_ADDED}, else null
 */
public record TicketEvent(String id, EventType type, Instant occurredOn, String instanceId, Ticket ticket,
                          Activity comment) {
}
