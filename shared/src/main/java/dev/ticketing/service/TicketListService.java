package dev.ticketing.service;

import dev.ticketing.store.TicketListing;
import dev.ticketing.store.TicketPage;
import dev.ticketing.store.TicketQuery;

/** GET /tickets: one page of an instance's tickets, as a validated {@link TicketQuery} asks. */
public final class TicketListService {

    private final TicketListing listing;

    public TicketListService(TicketListing listing) {
        this.listing = listing;
    }

    public TicketPage list(TicketQuery query) {
        return listing.list(query);
    }
}
