package dev.ticketing.error;

/** 401: the request carries no API key, or one that no instance has. */
public class UnauthorizedException extends ApiException {

    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String message) {
        super(401, "Unauthorized", message);
    }
}
