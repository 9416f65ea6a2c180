package dev.ticketing.store.dynamodb;

import dev.ticketing.model.Activity;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * Maps an attachment activity's id to its ticket and time, so that its attachments are one GetItem and one Query
 * away when only the activity id is known. Written with the activity; other activities have none.
 */
final class ActivityAliasItem {

    static final String TYPE = "activityIdAlias";

    String pk;
    String sk;
    String type;
    String instanceId;
    Long ticketId;
    String activityId;
    String createdOn;

    static final TableSchema<ActivityAliasItem> SCHEMA = schema();

    private static TableSchema<ActivityAliasItem> schema() {
        StaticTableSchema.Builder<ActivityAliasItem> s = StaticTableSchema.builder(ActivityAliasItem.class)
                .newItemSupplier(ActivityAliasItem::new);
        Attributes.partitionKey(s, i -> i.pk, (i, v) -> i.pk = v);
        Attributes.sortKey(s, i -> i.sk, (i, v) -> i.sk = v);
        Attributes.string(s, "type", i -> i.type, (i, v) -> i.type = v);
        Attributes.string(s, "instanceId", i -> i.instanceId, (i, v) -> i.instanceId = v);
        Attributes.number(s, "ticketId", i -> i.ticketId, (i, v) -> i.ticketId = v);
        Attributes.string(s, "activityId", i -> i.activityId, (i, v) -> i.activityId = v);
        Attributes.string(s, "createdOn", i -> i.createdOn, (i, v) -> i.createdOn = v);
        return s.build();
    }

    static ActivityAliasItem of(Activity activity) {
        ActivityAliasItem i = new ActivityAliasItem();
        i.pk = Keys.activityIdAlias(activity.instanceId(), activity.id());
        i.sk = Keys.ACTIVITY_ID_SK;
        i.type = TYPE;
        i.instanceId = activity.instanceId();
        i.ticketId = activity.ticketId();
        i.activityId = activity.id();
        i.createdOn = TicketItem.instant(activity.createdOn());
        return i;
    }
}
