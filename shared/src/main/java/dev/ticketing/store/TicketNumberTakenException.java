package dev.ticketing.store;

/**
 * A ticket with this number already exists, so nothing of the new ticket was written. The counter never
 * repeats a number, so this only happens if the counter fell behind the tickets (restored from a backup, or an
 * engine without atomic counters); the caller takes the next number.
 */
public class TicketNumberTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TicketNumberTakenException(String message) {
        super(message, null, false, false);
    }
}
