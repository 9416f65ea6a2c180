package dev.ticketing.store;

/**
 * A tag category that a ticket write was adding a text to is gone, deleted, already holds the text, or was being
 * changed by another transaction, so nothing was written. The service re-reads the categories and validates again.
 */
public class TagCategoryChangedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TagCategoryChangedException(String message) {
        super(message, null, false, false);
    }
}
