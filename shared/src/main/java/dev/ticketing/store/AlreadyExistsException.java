package dev.ticketing.store;

/** An item a create would write exists already (an instance, a tag category, a ticket), so nothing was written. */
public class AlreadyExistsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AlreadyExistsException(String message) {
        super(message, null, false, false);
    }
}
