package dev.ticketing.store;

import dev.ticketing.model.Activity;
import dev.ticketing.model.Ticket;

/**
 * One change of an existing ticket, written all or nothing: the ticket's new state (accepted only while the stored
 * version is still {@code expectedVersion}), the activity that records it, and the idempotency record of the
 * request when it carried a key (null otherwise).
 */
public record TicketChange(Ticket ticket, long expectedVersion, Activity activity, IdempotencyRecord idempotency) {

    public TicketChange(Ticket ticket, long expectedVersion, Activity activity) {
        this(ticket, expectedVersion, activity, null);
    }
}
