package dev.ticketing.store.dynamodb;

import dev.ticketing.model.EventType;
import dev.ticketing.model.Webhook;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** A webhook subscription, in its instance's webhook partition {@code INSTANCE#<id>#WEBHOOKS}. */
final class WebhookItem {

    static final String TYPE = "webhook";

    String pk;
    String sk;
    String type;
    String instanceId;
    String id;
    String url;
    Set<String> events;
    String secret;
    String createdOn;

    static final TableSchema<WebhookItem> SCHEMA = schema();

    private static TableSchema<WebhookItem> schema() {
        StaticTableSchema.Builder<WebhookItem> s = StaticTableSchema.builder(WebhookItem.class)
                .newItemSupplier(WebhookItem::new);
        Attributes.partitionKey(s, i -> i.pk, (i, v) -> i.pk = v);
        Attributes.sortKey(s, i -> i.sk, (i, v) -> i.sk = v);
        Attributes.string(s, "type", i -> i.type, (i, v) -> i.type = v);
        Attributes.string(s, "instanceId", i -> i.instanceId, (i, v) -> i.instanceId = v);
        Attributes.string(s, "id", i -> i.id, (i, v) -> i.id = v);
        Attributes.string(s, "url", i -> i.url, (i, v) -> i.url = v);
        Attributes.stringSet(s, "events", i -> i.events, (i, v) -> i.events = v);
        Attributes.string(s, "secret", i -> i.secret, (i, v) -> i.secret = v);
        Attributes.string(s, "createdOn", i -> i.createdOn, (i, v) -> i.createdOn = v);
        return s.build();
    }

    static WebhookItem from(Webhook w) {
        WebhookItem i = new WebhookItem();
        i.pk = Keys.webhooks(w.instanceId());
        i.sk = Keys.webhook(w.id());
        i.type = TYPE;
        i.instanceId = w.instanceId();
        i.id = w.id();
        i.url = w.url();
        i.events = w.events().stream().map(EventType::wireName).collect(Collectors.toCollection(TreeSet::new));
        i.secret = w.secret();
        i.createdOn = TicketItem.instant(w.createdOn());
        return i;
    }

    Webhook toWebhook() {
        return new Webhook(instanceId, id, url, events.stream().map(e -> EventType.ofWireName(e).orElseThrow())
                .collect(Collectors.toSet()), secret, TicketItem.instant(createdOn));
    }
}
