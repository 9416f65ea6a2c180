package dev.ticketing.store;

/**
 * The ticket changed since it was read (its version moved on), so the change was not written. The service
 * re-reads and retries; it is not an API error by itself.
 */
public class VersionConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VersionConflictException(String message) {
        super(message, null, false, false);
    }
}
