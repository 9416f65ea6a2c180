package dev.ticketing.model;

import java.time.Instant;

/**
 * One event queued for one webhook: what its attempts send. A redelivery is a new delivery (a new id) of the same
 * event ({@code eventId} and {@code body} unchanged).
 *
 * @param orderKey what orders deliveries: those of one webhook with one order key are sent one after another
 * @param body     the event's JSON, exactly as POSTed and signed
 */
public record Delivery(String instanceId, String webhookId, String deliveryId, String eventId, EventType eventType,
                       String orderKey, String body, Instant createdOn, Instant expiresAt) {
}
