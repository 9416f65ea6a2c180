package dev.ticketing.error;

/** The key is valid but the instance may not do this (for example, it is disabled). */
public class ForbiddenException extends TicketingException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(ErrorCode.Forbidden, message);
    }
}
