package dev.ticketing.store;

import dev.ticketing.model.Activity;
import dev.ticketing.model.Ticket;
import java.util.List;
import java.util.Optional;

/** Storage port for tickets and their activities. */
public interface TicketStore {

    /** The next ticket number of the instance: 1, 2, 3... never handed out twice, even concurrently. */
    long nextTicketNumber(String instanceId);

    /**
     * Writes a new ticket, its "created" activity, its idempotency record and its new tag texts atomically: all of
     * them exist afterwards, or none. {@link IdempotencyKeyTakenException} when a live record with the key exists;
     * {@link TicketNumberTakenException} when a ticket has the number; {@link TagCategoryChangedException} when a
     * category to gain a text is gone, deleted or already holds the text; {@link RoundRobinTurnTakenException} when
     * its round-robin turn is no longer the counter's.
     */
    void create(TicketCreation creation);

    /** A ticket with no idempotency key and no new tag texts. */
    default void create(Ticket ticket, Activity created) {
        create(new TicketCreation(ticket, created, null, List.of()));
    }

    /**
     * The current turn of an assignment rule's round-robin (how many tickets it assigned so far; 0 before the first),
     * read with strong consistency. A creation that takes the turn moves it on, only if nobody took it meanwhile.
     */
    long roundRobinTurn(String instanceId, String ruleId);

    /** The record of an idempotency key, read with strong consistency; expired ones may still be returned. */
    Optional<IdempotencyRecord> findIdempotencyRecord(String instanceId, String key);

    Optional<Ticket> findByNumber(String instanceId, long ticketNumber);

    Optional<Ticket> findById(String instanceId, String id);

    /**
     * Writes a changed ticket, its activity, its idempotency record and its new tag texts atomically, only if the
     * stored ticket still has the expected version; otherwise nothing is written and
     * {@link VersionConflictException} is thrown ({@link TagCategoryChangedException} as for a creation).
     */
    void change(TicketChange change);

    /**
     * A ticket's activities, oldest or newest first; the token comes from the previous page of the same order (null
     * for the first).
     */
    Page<Activity> activities(String instanceId, long ticketNumber, int limit, String continuationToken,
                            boolean oldestFirst);
}
