package dev.ticketing.error;

/** The request is valid but conflicts with the resource's current state, or lost to concurrent writers. */
public class ConflictException extends TicketingException {

    private static final long serialVersionUID = 1L;

    public ConflictException(ErrorCode code, String message) {
        super(code, message);
    }

    public ConflictException(ErrorCode code) {
        super(code);
    }
}
