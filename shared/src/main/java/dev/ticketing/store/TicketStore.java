package dev.ticketing.store;

import dev.ticketing.model.Activity;
import dev.ticketing.model.Ticket;
import java.util.Optional;

/** Storage port for tickets and their activities. */
public interface TicketStore {

    /** The next ticket number of the instance: 1, 2, 3... never handed out twice, even concurrently. */
    long nextTicketNumber(String instanceId);

    /** Writes a new ticket and its "created" activity atomically: both exist afterwards, or neither. */
    void create(Ticket ticket, Activity created);

    /**
     * As {@link #create(Ticket, Activity)}, also writing the request's idempotency record in the same transaction;
     * {@link IdempotencyKeyTakenException} when a live record with that key exists.
     */
    void create(Ticket ticket, Activity created, IdempotencyRecord idempotency);

    /** The record of an idempotency key, read with strong consistency; expired ones may still be returned. */
    Optional<IdempotencyRecord> findIdempotencyRecord(String instanceId, String key);

    Optional<Ticket> findByNumber(String instanceId, long ticketNumber);

    Optional<Ticket> findById(String instanceId, String id);

    /**
     * Writes a changed ticket and its activity atomically, only if the stored ticket still has the expected
     * version; otherwise nothing is written and {@link VersionConflictException} is thrown.
     */
    void change(TicketChange change);

    /** A ticket's activities, oldest first; the token comes from the previous page (null for the first). */
    ActivityPage activities(String instanceId, long ticketNumber, int limit, String continuationToken);
}
