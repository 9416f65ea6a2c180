package dev.ticketing.error;

/** The resource does not exist for the caller's instance (another instance's data looks the same). */
public class NotFoundException extends TicketingException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(ErrorCode.NotFound, message);
    }
}
