package dev.ticketing.service;

import dev.ticketing.model.Ticket;
import dev.ticketing.store.InstanceStore;
import dev.ticketing.store.TicketListing;
import dev.ticketing.store.Page;
import dev.ticketing.store.TicketQuery;

/** GET /tickets: one page of an instance's tickets, as a validated {@link TicketQuery} asks. */
public final class TicketListService {

    private final TicketListing listing;
    private final InstanceService instances;

    public TicketListService(TicketListing listing, InstanceStore instances) {
        this.listing = listing;
        this.instances = new InstanceService(instances);
    }

    /** A disabled or vanished instance answers 403 here as on every other route. */
    public Page<Ticket> list(TicketQuery query) {
        instances.get(query.instanceId());
        return StoreFailures.translated(() -> listing.list(query));
    }
}
