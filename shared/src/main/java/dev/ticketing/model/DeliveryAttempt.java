package dev.ticketing.model;

import java.time.Instant;

/**
 * One attempt to deliver one event to one webhook, as GET /webhooks/{id}/deliveries lists it.
 *
 * @param statusCode    the receiver's HTTP status, 0 when none came (refused address, timeout, connection error)
 * @param error         what went wrong, null when the receiver answered 2xx
 * @param nextAttemptOn when the next attempt is due, null when there is none (succeeded, or failed for good)
 * @param expiresAt     when the record leaves the table (its TTL)
 */
public record DeliveryAttempt(String instanceId, String webhookId, String deliveryId, String eventId,
                              EventType eventType, int attempt, Instant attemptedOn, int statusCode, long durationMs,
                              String error, Outcome outcome, Instant nextAttemptOn, Instant expiresAt) {

    /** What the attempt left the delivery in. */
    public enum Outcome { succeeded, retrying, failed }
}
