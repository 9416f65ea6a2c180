package dev.ticketing.store.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * One API key, addressed by the SHA-256 of the key, so the authorizer finds the instance in one read.
 * {@code usageIdentifierKey} is the instance's API Gateway usage-plan key, returned by the authorizer.
 */
final class ApiKeyItem {

    static final String TYPE = "apiKey";

    String pk;
    String sk;
    String type;
    String instanceId;
    String slot;
    String usageIdentifierKey;
    String createdOn;

    static final TableSchema<ApiKeyItem> SCHEMA = schema();

    private static TableSchema<ApiKeyItem> schema() {
        StaticTableSchema.Builder<ApiKeyItem> s = StaticTableSchema.builder(ApiKeyItem.class)
                .newItemSupplier(ApiKeyItem::new);
        Attributes.partitionKey(s, i -> i.pk, (i, v) -> i.pk = v);
        Attributes.sortKey(s, i -> i.sk, (i, v) -> i.sk = v);
        Attributes.string(s, "type", i -> i.type, (i, v) -> i.type = v);
        Attributes.string(s, "instanceId", i -> i.instanceId, (i, v) -> i.instanceId = v);
        Attributes.string(s, "slot", i -> i.slot, (i, v) -> i.slot = v);
        Attributes.string(s, "usageIdentifierKey", i -> i.usageIdentifierKey, (i, v) -> i.usageIdentifierKey = v);
        Attributes.string(s, "createdOn", i -> i.createdOn, (i, v) -> i.createdOn = v);
        return s.build();
    }
}
