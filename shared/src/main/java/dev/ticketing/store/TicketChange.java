package dev.ticketing.store;

import dev.ticketing.model.Activity;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.TicketTag;
import java.util.List;

/**
 * One change of an existing ticket, written all or nothing: the ticket's new state (accepted only while the stored
 * ticket is still {@code before}, that is, still has its version), the activity that records it, the idempotency
 * record of the request when it carried a key (null otherwise), and the tag texts new to their category, which the
 * categories gain. {@code before} also tells the instance's ticket counts which status and priority the ticket
 * leaves.
 */
public record TicketChange(Ticket before, Ticket ticket, Activity activity, IdempotencyRecord idempotency,
                           List<TicketTag> newTags) {

    public TicketChange {
        newTags = List.copyOf(newTags);
    }

    public TicketChange(Ticket before, Ticket ticket, Activity activity) {
        this(before, ticket, activity, null, List.of());
    }

    /** The version the stored ticket must still have. */
    public long expectedVersion() {
        return before.version();
    }
}
