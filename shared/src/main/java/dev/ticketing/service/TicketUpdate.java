package dev.ticketing.service;

import dev.ticketing.model.User;
import java.util.List;
import java.util.function.Consumer;

/** A validated PUT /tickets/{ticketId}: the edits to apply to the current ticket, and who makes them. */
public record TicketUpdate(User user, List<Consumer<TicketDraft>> edits) {

    public TicketUpdate {
        edits = List.copyOf(edits);
    }

    void applyTo(TicketDraft draft) {
        edits.forEach(edit -> edit.accept(draft));
    }
}
