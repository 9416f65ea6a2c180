package dev.ticketing.store.dynamodb;

import dev.ticketing.model.DeliveryAttempt;
import dev.ticketing.model.EventType;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** One delivery attempt, in the webhook's partition, sorted by time; {@code expiresAt} is the table's TTL. */
final class DeliveryAttemptItem {

    static final String TYPE = "deliveryAttempt";

    String pk;
    String sk;
    String type;
    String instanceId;
    String webhookId;
    String deliveryId;
    String eventId;
    String eventType;
    Long attempt;
    String attemptedOn;
    Long statusCode;
    Long durationMs;
    String error;
    String outcome;
    String nextAttemptOn;
    Long expiresAt;

    static final TableSchema<DeliveryAttemptItem> SCHEMA = schema();

    private static TableSchema<DeliveryAttemptItem> schema() {
        StaticTableSchema.Builder<DeliveryAttemptItem> s = StaticTableSchema.builder(DeliveryAttemptItem.class)
                .newItemSupplier(DeliveryAttemptItem::new);
        Attributes.partitionKey(s, i -> i.pk, (i, v) -> i.pk = v);
        Attributes.sortKey(s, i -> i.sk, (i, v) -> i.sk = v);
        Attributes.string(s, "type", i -> i.type, (i, v) -> i.type = v);
        Attributes.string(s, "instanceId", i -> i.instanceId, (i, v) -> i.instanceId = v);
        Attributes.string(s, "webhookId", i -> i.webhookId, (i, v) -> i.webhookId = v);
        Attributes.string(s, "deliveryId", i -> i.deliveryId, (i, v) -> i.deliveryId = v);
        Attributes.string(s, "eventId", i -> i.eventId, (i, v) -> i.eventId = v);
        Attributes.string(s, "eventType", i -> i.eventType, (i, v) -> i.eventType = v);
        Attributes.number(s, "attempt", i -> i.attempt, (i, v) -> i.attempt = v);
        Attributes.string(s, "attemptedOn", i -> i.attemptedOn, (i, v) -> i.attemptedOn = v);
        Attributes.number(s, "statusCode", i -> i.statusCode, (i, v) -> i.statusCode = v);
        Attributes.number(s, "durationMs", i -> i.durationMs, (i, v) -> i.durationMs = v);
        Attributes.string(s, "error", i -> i.error, (i, v) -> i.error = v);
        Attributes.string(s, "outcome", i -> i.outcome, (i, v) -> i.outcome = v);
        Attributes.string(s, "nextAttemptOn", i -> i.nextAttemptOn, (i, v) -> i.nextAttemptOn = v);
        Attributes.number(s, "expiresAt", i -> i.expiresAt, (i, v) -> i.expiresAt = v);
        return s.build();
    }

    static DeliveryAttemptItem from(DeliveryAttempt a) {
        DeliveryAttemptItem i = new DeliveryAttemptItem();
        i.pk = Keys.webhook(a.instanceId(), a.webhookId());
        i.sk = Keys.deliveryAttempt(a.attemptedOn(), a.deliveryId(), a.attempt());
        i.type = TYPE;
        i.instanceId = a.instanceId();
        i.webhookId = a.webhookId();
        i.deliveryId = a.deliveryId();
        i.eventId = a.eventId();
        i.eventType = a.eventType().wireName();
        i.attempt = (long) a.attempt();
        i.attemptedOn = TicketItem.instant(a.attemptedOn());
        i.statusCode = (long) a.statusCode();
        i.durationMs = a.durationMs();
        i.error = a.error();
        i.outcome = a.outcome().name();
        i.nextAttemptOn = a.nextAttemptOn() == null ? null : TicketItem.instant(a.nextAttemptOn());
        i.expiresAt = a.expiresAt().getEpochSecond();
        return i;
    }

    DeliveryAttempt toAttempt() {
        return new DeliveryAttempt(instanceId, webhookId, deliveryId, eventId,
                EventType.ofWireName(eventType).orElseThrow(), attempt.intValue(), TicketItem.instant(attemptedOn),
                statusCode.intValue(), durationMs, error, DeliveryAttempt.Outcome.valueOf(outcome),
                nextAttemptOn == null ? null : TicketItem.instant(nextAttemptOn), Instant.ofEpochSecond(expiresAt));
    }
}
