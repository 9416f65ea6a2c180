package dev.ticketing.store;

import java.time.Instant;

/**
 * The first response to a request sent with an {@code Idempotency-Key}: a repeat with the same body gets it back
 * instead of acting again. {@code requestHash} tells a repeat from a different request reusing the key.
 */
public record IdempotencyRecord(String instanceId, String key, String requestHash, int statusCode,
                                String responseBody, Instant expiresAt) {

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
