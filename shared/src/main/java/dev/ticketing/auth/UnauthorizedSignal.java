package dev.ticketing.auth;

/**
 * Thrown by the authorizer to deny a request: API Gateway answers 401 when a Lambda authorizer fails
 * with exactly the message "Unauthorized" (and applies the UNAUTHORIZED gateway response).
 */
public final class UnauthorizedSignal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String MESSAGE = "Unauthorized";

    public UnauthorizedSignal() {
        super(MESSAGE, null, false, false);
    }
}
