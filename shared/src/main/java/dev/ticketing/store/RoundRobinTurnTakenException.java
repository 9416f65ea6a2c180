package dev.ticketing.store;

/**
 * The round-robin turn a new ticket was given was taken by another ticket first (the counter moved on, or another
 * transaction held it), so nothing of the ticket was written. The caller reads the next turn and writes again.
 */
public class RoundRobinTurnTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RoundRobinTurnTakenException(String message) {
        super(message, null, false, false);
    }
}
