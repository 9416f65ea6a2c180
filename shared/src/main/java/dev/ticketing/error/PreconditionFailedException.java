package dev.ticketing.error;

/** The caller's {@code If-Match} names a version of the resource that is no longer current. */
public class PreconditionFailedException extends TicketingException {

    private static final long serialVersionUID = 1L;

    public PreconditionFailedException(String message) {
        super(ErrorCode.PreconditionFailed, message);
    }
}
