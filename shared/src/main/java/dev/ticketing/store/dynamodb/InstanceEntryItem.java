package dev.ticketing.store.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * An instance's entry in the instance directory ({@code PK = INSTANCES}), written with the instance, so that the
 * admin tool lists instances with a paginated Query instead of a table scan.
 */
final class InstanceEntryItem {

    static final String TYPE = "instanceEntry";

    String pk;
    String sk;
    String type;
    String instanceId;
    String createdOn;

    static final TableSchema<InstanceEntryItem> SCHEMA = schema();

    private static TableSchema<InstanceEntryItem> schema() {
        StaticTableSchema.Builder<InstanceEntryItem> s = StaticTableSchema.builder(InstanceEntryItem.class)
                .newItemSupplier(InstanceEntryItem::new);
        Attributes.partitionKey(s, i -> i.pk, (i, v) -> i.pk = v);
        Attributes.sortKey(s, i -> i.sk, (i, v) -> i.sk = v);
        Attributes.string(s, "type", i -> i.type, (i, v) -> i.type = v);
        Attributes.string(s, "instanceId", i -> i.instanceId, (i, v) -> i.instanceId = v);
        Attributes.string(s, "createdOn", i -> i.createdOn, (i, v) -> i.createdOn = v);
        return s.build();
    }
}
