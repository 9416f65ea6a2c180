package dev.ticketing.error;

/** 403: the key is valid but the instance may not do this (for example, it is disabled). */
public class ForbiddenException extends ApiException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(403, "Forbidden", message);
    }
}
