package dev.ticketing.store;

import dev.ticketing.model.Activity;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.TicketTag;
import java.util.List;

/**
 * One change of an existing ticket, written all or nothing: the ticket's new state (accepted only while the stored
 * version is still {@code expectedVersion}), the activity that records it, the idempotency record of the request
 * when it carried a key (null otherwise), and the tag texts new to their category, which the categories gain.
 */
public record TicketChange(Ticket ticket, long expectedVersion, Activity activity, IdempotencyRecord idempotency,
                           List<TicketTag> newTags) {

    public TicketChange {
        newTags = List.copyOf(newTags);
    }

    public TicketChange(Ticket ticket, long expectedVersion, Activity activity) {
        this(ticket, expectedVersion, activity, null, List.of());
    }
}
