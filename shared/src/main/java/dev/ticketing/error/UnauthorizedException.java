package dev.ticketing.error;

/** The request carries no API key, or one that no instance has. */
public class UnauthorizedException extends TicketingException {

    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String message) {
        super(ErrorCode.Unauthorized, message);
    }
}
