package dev.ticketing.store;

/**
 * A page request the store cannot serve as asked: a continuation token it did not issue for this query, or an
 * offset beyond what one request may read. {@code parameter} names the request parameter at fault.
 */
public class InvalidPageRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public InvalidPageRequestException(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
