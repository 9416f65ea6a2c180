package dev.ticketing.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * ITicket. {@code ticketId} is the per-instance sequence number (1, 2, 3...), {@code id} the UUID;
 * {@code version} guards optimistic concurrency. Custom field values are kept as the JSON the caller sent,
 * after validation against the instance's definitions.
 */
public record Ticket(
        String instanceId,
        String id,
        long ticketId,
        String title,
        String description,
        Status status,
        Priority priority,
        User requestor,
        User assignee,
        Instant expectedDate,
        ObjectNode customFields,
        List<TicketTag> tags,
        String resolution,
        String lastResolutionComment,
        Instant firstResponseOn,
        Instant firstResolutionOn,
        Instant lastResolutionOn,
        Instant createdOn,
        User createdBy,
        Instant lastUpdatedOn,
        User lastUpdatedBy,
        Instant lastInteraction,
        boolean isFrtEscalated,
        boolean isRtEscalated,
        long version) {

    public Ticket {
        tags = List.copyOf(tags);
    }
}
