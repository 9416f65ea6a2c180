package dev.ticketing.service;

import dev.ticketing.model.Ticket;
import dev.ticketing.model.TicketTag;
import dev.ticketing.model.User;
import java.util.List;
import java.util.function.Consumer;

/**
 * A validated PUT /tickets/{ticketId}: the edits to apply to the current ticket, who makes them, and the sent tags
 * whose text is new to their category.
 */
public record TicketUpdate(User user, List<Consumer<Ticket.Builder>> edits, List<TicketTag> newTags) {

    public TicketUpdate {
        edits = List.copyOf(edits);
        newTags = List.copyOf(newTags);
    }

    void applyTo(Ticket.Builder draft) {
        edits.forEach(edit -> edit.accept(draft));
    }
}
