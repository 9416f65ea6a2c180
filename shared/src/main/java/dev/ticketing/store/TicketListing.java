package dev.ticketing.store;

/** Storage port for listing tickets in index order, with filters and both pagination styles. */
public interface TicketListing {

    /** The page {@code query} asks for; throws a validation error naming {@code continuationToken} for a bad token. */
    TicketPage list(TicketQuery query);
}
