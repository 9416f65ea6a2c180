package dev.ticketing.error;

import java.util.List;

/**
 * A failure the caller is told about: a code from the {@link ErrorCode} catalogue, a message for people and, for
 * invalid input, one {@link FieldError} per parameter or field. It carries no HTTP status; the web layer maps the
 * code to one.
 */
public class TicketingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient List<FieldError> details;

    public TicketingException(ErrorCode code, String message, List<FieldError> details) {
        // No stack trace: these are answers to callers, thrown often on hostile input, never bugs to debug.
        super(message, null, false, false);
        this.code = code;
        this.details = List.copyOf(details);
    }

    public TicketingException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public TicketingException(ErrorCode code) {
        this(code, code.defaultMessage());
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> details() {
        return details;
    }
}
