package dev.ticketing.error;

/**
 * The catalogue of every error code the API answers with, each with the message used when nothing more specific
 * is known. The domain names a code and knows no HTTP; which status each code answers with is decided in one place
 * above it, {@code dev.ticketing.http.ErrorResponses}, whose exhaustive switch stops the build when a code here has
 * no status. API Gateway's own gateway responses in template.yaml use the same codes (GatewayResponsesTest checks).
 */
public enum ErrorCode {

    /** One or more parameters or body fields are invalid; the details name each one. */
    ValidationError("The request is invalid."),
    /** The request could not be read at all (for example, a URL that is not validly percent-encoded). */
    BadRequest("The request is malformed."),
    Unauthorized("Missing or invalid API key: pass it as the 'key' query parameter."),
    /** The key is valid but may not do this, for example because its instance is disabled. */
    Forbidden("This key may not call this resource."),
    /** The resource does not exist for the caller's instance; another instance's data looks the same. */
    NotFound("The resource does not exist."),
    MethodNotAllowed("This method is not supported on this resource."),
    /** The caller's If-Match names a version of the resource that is no longer current. */
    PreconditionFailed("The resource changed since the version named in If-Match; GET it again and reapply."),
    PayloadTooLarge("The request is too large."),
    InvalidStatusTransition("The status workflow does not allow this change."),
    /** Concurrent writers won every retry; nothing was written and the request may be sent again. */
    ConcurrentModification("The resource is being changed by many requests at once; retry the request."),
    TicketAlreadyExists("The ticket already exists; retry the request."),
    InstanceAlreadyExists("The instance or one of its tag categories already exists."),
    /** A request with the same Idempotency-Key is being processed at this moment. */
    IdempotencyKeyInUse("A request with this Idempotency-Key is in progress; retry the request."),
    /** The Idempotency-Key was used within its retention for a request with another body or route. */
    IdempotencyKeyReused("This Idempotency-Key was used for a different request; send a new key for a new request."),
    /** The instance has as many webhooks as it may have (docs/events.md, "Limits"). */
    WebhookLimitReached("This instance has 10 webhooks, the most it may have; delete one before adding another."),
    TooManyRequests("Rate limit exceeded."),
    QuotaExceeded("The usage quota of this instance is used up."),
    /** Something failed on our side; the response reveals nothing of the cause. */
    InternalError("The request could not be completed; it is safe to retry."),
    BadGateway("The function failed or answered something that is not a valid response."),
    GatewayTimeout("The function did not answer in time.");

    private final String defaultMessage;

    ErrorCode(String defaultMessage) {
        this.defaultMessage = defaultMessage;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
