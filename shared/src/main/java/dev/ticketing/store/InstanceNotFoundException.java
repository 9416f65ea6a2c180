package dev.ticketing.store;

/** The instance a change names does not exist, so nothing was written. */
public class InstanceNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InstanceNotFoundException(String message) {
        super(message, null, false, false);
    }
}
