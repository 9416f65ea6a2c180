package dev.ticketing.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage port of the tickets whose next timer (service-level target, idle) has fired, across every instance. */
public interface TicketTimers {

    /** A ticket whose next timer fires at {@code dueOn}. */
    record DueTicket(String instanceId, long ticketNumber, Instant dueOn) {
    }

    /** How many shards the due tickets are spread over; each is read on its own. */
    int shards();

    /**
     * Up to {@code limit} tickets of {@code shard} whose next timer fires at or before {@code now}, earliest first,
     * after {@code after} (the last one of the previous call) when given. Read from an index: a ticket changed a
     * moment ago may still appear with its former time, so callers read the ticket before acting.
     */
    List<DueTicket> due(int shard, Instant now, int limit, Optional<DueTicket> after);
}
