package dev.ticketing.store;

import dev.ticketing.model.Ticket;

/** Storage port for listing tickets in index order, with filters and both pagination styles. */
public interface TicketListing {

    /** The page {@code query} asks for; throws InvalidPageRequestException for a token or offset it cannot serve. */
    Page<Ticket> list(TicketQuery query);
}
