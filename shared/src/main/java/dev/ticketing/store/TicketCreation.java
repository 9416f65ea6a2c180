package dev.ticketing.store;

import dev.ticketing.model.Activity;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.TicketTag;
import java.util.List;

/**
 * One new ticket, written all or nothing: the ticket, its "created" activity, the idempotency record of the request
 * when it carried a key (null otherwise), and the tag texts new to their category, which the categories gain. When
 * assignment rules changed the ticket, {@code automation} is the activity that records it and {@code turn} the
 * round-robin turn the ticket takes (each null otherwise).
 */
public record TicketCreation(Ticket ticket, Activity created, IdempotencyRecord idempotency,
                             List<TicketTag> newTags, Activity automation, RoundRobinTurn turn) {

    public TicketCreation {
        newTags = List.copyOf(newTags);
    }

    public TicketCreation(Ticket ticket, Activity created, IdempotencyRecord idempotency, List<TicketTag> newTags) {
        this(ticket, created, idempotency, newTags, null, null);
    }
}
