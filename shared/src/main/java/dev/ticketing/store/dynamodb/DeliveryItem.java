package dev.ticketing.store.dynamodb;

import dev.ticketing.model.Delivery;
import dev.ticketing.model.EventType;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** One event queued for one webhook, in the webhook's partition; {@code expiresAt} is the table's TTL. */
final class DeliveryItem {

    static final String TYPE = "delivery";

    String pk;
    String sk;
    String type;
    String instanceId;
    String webhookId;
    String deliveryId;
    String eventId;
    String eventType;
    String orderKey;
    String body;
    String createdOn;
    Long expiresAt;

    static final TableSchema<DeliveryItem> SCHEMA = schema();

    private static TableSchema<DeliveryItem> schema() {
        StaticTableSchema.Builder<DeliveryItem> s = StaticTableSchema.builder(DeliveryItem.class)
                .newItemSupplier(DeliveryItem::new);
        Attributes.partitionKey(s, i -> i.pk, (i, v) -> i.pk = v);
        Attributes.sortKey(s, i -> i.sk, (i, v) -> i.sk = v);
        Attributes.string(s, "type", i -> i.type, (i, v) -> i.type = v);
        Attributes.string(s, "instanceId", i -> i.instanceId, (i, v) -> i.instanceId = v);
        Attributes.string(s, "webhookId", i -> i.webhookId, (i, v) -> i.webhookId = v);
        Attributes.string(s, "deliveryId", i -> i.deliveryId, (i, v) -> i.deliveryId = v);
        Attributes.string(s, "eventId", i -> i.eventId, (i, v) -> i.eventId = v);
        Attributes.string(s, "eventType", i -> i.eventType, (i, v) -> i.eventType = v);
        Attributes.string(s, "orderKey", i -> i.orderKey, (i, v) -> i.orderKey = v);
        Attributes.string(s, "body", i -> i.body, (i, v) -> i.body = v);
        Attributes.string(s, "createdOn", i -> i.createdOn, (i, v) -> i.createdOn = v);
        Attributes.number(s, "expiresAt", i -> i.expiresAt, (i, v) -> i.expiresAt = v);
        return s.build();
    }

    static DeliveryItem from(Delivery d) {
        DeliveryItem i = new DeliveryItem();
        i.pk = Keys.webhook(d.instanceId(), d.webhookId());
        i.sk = Keys.delivery(d.deliveryId());
        i.type = TYPE;
        i.instanceId = d.instanceId();
        i.webhookId = d.webhookId();
        i.deliveryId = d.deliveryId();
        i.eventId = d.eventId();
        i.eventType = d.eventType().wireName();
        i.orderKey = d.orderKey();
        i.body = d.body();
        i.createdOn = TicketItem.instant(d.createdOn());
        i.expiresAt = d.expiresAt().getEpochSecond();
        return i;
    }

    Delivery toDelivery() {
        return new Delivery(instanceId, webhookId, deliveryId, eventId, EventType.ofWireName(eventType).orElseThrow(),
                orderKey, body, TicketItem.instant(createdOn), Instant.ofEpochSecond(expiresAt));
    }
}
