package dev.ticketing.store;

/**
 * The ticket dates GET /tickets filters on, each named after its pair of parameters ({@code createdAfter} /
 * {@code createdBefore}, ...) and matched against the ticket field it names.
 */
public enum TicketDateField {
    /** {@code createdOn}. */
    created("createdOn"),
    /** {@code expectedDate}; a ticket without one matches no range. */
    expectedDate("expectedDate"),
    /** {@code lastUpdatedOn}: set at creation, then by every field update and status change (not by comments). */
    lastUpdate("lastUpdatedOn");

    private final String ticketField;

    TicketDateField(String ticketField) {
        this.ticketField = ticketField;
    }

    /** The ITicket field (and stored attribute) the range applies to. */
    public String ticketField() {
        return ticketField;
    }

    public String afterParameter() {
        return name() + "After";
    }

    public String beforeParameter() {
        return name() + "Before";
    }
}
