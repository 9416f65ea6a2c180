package dev.ticketing.store;

/**
 * Another write was working on one of the items at the same moment (DynamoDB's TransactionConflict), so nothing
 * was written. The same write may succeed when retried; it is not an API error by itself.
 */
public class WriteConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WriteConflictException(String message) {
        super(message, null, false, false);
    }
}
