package dev.ticketing.store;

/**
 * The item (a ticket, an instance, a tag category) changed since it was read: its version moved on, so the
 * change was not written. The service re-reads and retries, or tells the caller to.
 */
public class VersionConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VersionConflictException(String message) {
        super(message, null, false, false);
    }
}
