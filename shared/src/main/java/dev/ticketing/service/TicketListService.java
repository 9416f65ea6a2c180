package dev.ticketing.service;

import dev.ticketing.model.Ticket;
import dev.ticketing.store.InstanceStore;
import dev.ticketing.store.Page;
import dev.ticketing.store.TicketListing;
import dev.ticketing.store.TicketQuery;
import java.time.Clock;
import java.time.Duration;

/** GET /tickets: one page of an instance's tickets, as a validated {@link TicketQuery} asks. */
public final class TicketListService {

    /**
     * How far behind the present the incremental export stops. A change is stamped with its time a moment before
     * its write commits (and its index entry lands a moment after); stopping this far back means no change can
     * still land behind a reader who resumes from the last {@code lastUpdatedOn} it saw. Well above the functions'
     * write time, DynamoDB's index propagation and clock differences between hosts.
     */
    public static final Duration EXPORT_SETTLE = Duration.ofSeconds(30);

    private final TicketListing listing;
    private final InstanceService instances;
    private final Clock clock;
    private final Duration exportSettle;

    public TicketListService(TicketListing listing, InstanceStore instances, Clock clock) {
        this(listing, instances, clock, EXPORT_SETTLE);
    }

    public TicketListService(TicketListing listing, InstanceStore instances, Clock clock, Duration exportSettle) {
        this.listing = listing;
        this.instances = new InstanceService(instances);
        this.clock = clock;
        this.exportSettle = exportSettle;
    }

    /** A disabled or vanished instance answers 403 here as on every other route. */
    public Page<Ticket> list(TicketQuery query) {
        instances.get(query.instanceId());
        TicketQuery settled = query.withExport(query.export().map(export ->
                new TicketQuery.UpdatedSince(export.after(), clock.instant().minus(exportSettle))));
        return StoreFailures.translated(() -> listing.list(settled));
    }
}
