package dev.ticketing.error;

/** 404: the resource does not exist for the caller's instance (another instance's data looks the same). */
public class NotFoundException extends ApiException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(404, "NotFound", message);
    }
}
