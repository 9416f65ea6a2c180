package dev.ticketing.store;

/** Another request with the same idempotency key committed first; nothing of this one was written. */
public class IdempotencyKeyTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyTakenException(String message) {
        super(message, null, false, false);
    }
}
