package dev.ticketing.error;

/** 412: the caller's {@code If-Match} names a version of the resource that is no longer current. */
public class PreconditionFailedException extends ApiException {

    private static final long serialVersionUID = 1L;

    public PreconditionFailedException(String message) {
        super(412, "PreconditionFailed", message);
    }
}
