package dev.ticketing.error;

/** 409: the request is valid but conflicts with the resource's current state. */
public class ConflictException extends ApiException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String code, String message) {
        super(409, code, message);
    }
}
