package dev.ticketing.store;

import java.time.Instant;
import java.util.Map;

/**
 * The first response (status, headers, body) to a request sent with an {@code Idempotency-Key}: a repeat with
 * the same body gets it back instead of acting again. {@code requestHash} tells a repeat from a different request
 * reusing the key.
 */
public record IdempotencyRecord(String instanceId, String key, String requestHash, int statusCode,
                                Map<String, String> responseHeaders, String responseBody, Instant expiresAt) {

    public IdempotencyRecord {
        responseHeaders = Map.copyOf(responseHeaders);
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
