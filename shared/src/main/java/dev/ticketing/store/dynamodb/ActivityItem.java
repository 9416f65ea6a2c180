package dev.ticketing.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.model.Activity;
import dev.ticketing.model.ActivityType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** An activity as stored: in its ticket's partition, sorted by creation time. */
final class ActivityItem {

    static final String TYPE = "activity";

    String pk;
    String sk;
    String type;
    String instanceId;
    Long ticketId;
    String ticketUuid;
    String id;
    String activityType;
    JsonNode user;
    String createdOn;
    JsonNode details;

    static final TableSchema<ActivityItem> SCHEMA = schema();

    private static TableSchema<ActivityItem> schema() {
        StaticTableSchema.Builder<ActivityItem> s = StaticTableSchema.builder(ActivityItem.class)
                .newItemSupplier(ActivityItem::new);
        Attributes.partitionKey(s, i -> i.pk, (i, v) -> i.pk = v);
        Attributes.sortKey(s, i -> i.sk, (i, v) -> i.sk = v);
        Attributes.string(s, "type", i -> i.type, (i, v) -> i.type = v);
        Attributes.string(s, "instanceId", i -> i.instanceId, (i, v) -> i.instanceId = v);
        Attributes.number(s, "ticketId", i -> i.ticketId, (i, v) -> i.ticketId = v);
        Attributes.string(s, "ticketUuid", i -> i.ticketUuid, (i, v) -> i.ticketUuid = v);
        Attributes.string(s, "id", i -> i.id, (i, v) -> i.id = v);
        Attributes.string(s, "activityType", i -> i.activityType, (i, v) -> i.activityType = v);
        Attributes.json(s, "user", i -> i.user, (i, v) -> i.user = v);
        Attributes.string(s, "createdOn", i -> i.createdOn, (i, v) -> i.createdOn = v);
        Attributes.json(s, "details", i -> i.details, (i, v) -> i.details = v);
        return s.build();
    }

    static ActivityItem from(Activity a) {
        ActivityItem i = new ActivityItem();
        i.pk = Keys.ticket(a.instanceId(), a.ticketId());
        i.sk = Keys.activity(a.createdOn(), a.id());
        i.type = TYPE;
        i.instanceId = a.instanceId();
        i.ticketId = a.ticketId();
        i.ticketUuid = a.ticketUuid();
        i.id = a.id();
        i.activityType = a.type().name();
        i.user = TicketItem.user(a.user());
        i.createdOn = TicketItem.instant(a.createdOn());
        i.details = a.details();
        return i;
    }

    Activity toActivity() {
        return new Activity(instanceId, ticketId, ticketUuid, id, ActivityType.valueOf(activityType),
                TicketItem.user(user),
                TicketItem.instant(createdOn),
                details instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode());
    }
}
