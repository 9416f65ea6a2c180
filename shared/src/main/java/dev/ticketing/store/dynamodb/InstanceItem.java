package dev.ticketing.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * An instance as stored: its IInstance definition as a native map, plus the hashes of its two keys
 * (kept here so that rotation knows which key item to delete). The keys themselves are never stored.
 */
final class InstanceItem {

    static final String TYPE = "instance";

    String pk;
    String sk;
    String type;
    String instanceId;
    String name;
    Boolean enabled;
    JsonNode definition;
    String primaryKeyHash;
    String secondaryKeyHash;
    Long version;

    static final TableSchema<InstanceItem> SCHEMA = schema();

    private static TableSchema<InstanceItem> schema() {
        StaticTableSchema.Builder<InstanceItem> s = StaticTableSchema.builder(InstanceItem.class)
                .newItemSupplier(InstanceItem::new);
        Attributes.partitionKey(s, i -> i.pk, (i, v) -> i.pk = v);
        Attributes.sortKey(s, i -> i.sk, (i, v) -> i.sk = v);
        Attributes.string(s, "type", i -> i.type, (i, v) -> i.type = v);
        Attributes.string(s, "instanceId", i -> i.instanceId, (i, v) -> i.instanceId = v);
        Attributes.string(s, "name", i -> i.name, (i, v) -> i.name = v);
        Attributes.bool(s, "enabled", i -> i.enabled, (i, v) -> i.enabled = v);
        Attributes.json(s, "definition", i -> i.definition, (i, v) -> i.definition = v);
        Attributes.string(s, "primaryKeyHash", i -> i.primaryKeyHash, (i, v) -> i.primaryKeyHash = v);
        Attributes.string(s, "secondaryKeyHash", i -> i.secondaryKeyHash, (i, v) -> i.secondaryKeyHash = v);
        Attributes.number(s, "version", i -> i.version, (i, v) -> i.version = v);
        return s.build();
    }

    /** The next version of this item, every attribute copied; the caller changes what its write changes. */
    InstanceItem nextVersion() {
        InstanceItem next = new InstanceItem();
        next.pk = pk;
        next.sk = sk;
        next.type = type;
        next.instanceId = instanceId;
        next.name = name;
        next.enabled = enabled;
        next.definition = definition;
        next.primaryKeyHash = primaryKeyHash;
        next.secondaryKeyHash = secondaryKeyHash;
        next.version = version + 1;
        return next;
    }
}
