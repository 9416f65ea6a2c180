package dev.ticketing.local.dynamodb.limits;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The key attributes of a table and of each of its indexes, read once from DescribeTable. */
record TableKeys(KeyPair table, Map<String, KeyPair> indexes) {

    /** A partition key attribute and an optional sort key attribute (null when there is none). */
    record KeyPair(String partition, String sort) {

        static KeyPair of(Iterable<KeySchemaElement> schema) {
            String partition = null;
            String sort = null;
            for (KeySchemaElement element : schema) {
                if (element.keyType() == KeyType.HASH) {
                    partition = element.attributeName();
                } else {
                    sort = element.attributeName();
                }
            }
            return new KeyPair(partition, sort);
        }
    }

    static TableKeys of(TableDescription description) {
        Map<String, KeyPair> indexes = new HashMap<>();
        if (description.hasGlobalSecondaryIndexes()) {
            description.globalSecondaryIndexes().forEach(i -> indexes.put(i.indexName(), KeyPair.of(i.keySchema())));
        }
        if (description.hasLocalSecondaryIndexes()) {
            description.localSecondaryIndexes().forEach(i -> indexes.put(i.indexName(), KeyPair.of(i.keySchema())));
        }
        return new TableKeys(KeyPair.of(description.keySchema()), Map.copyOf(indexes));
    }

    /** The item's primary key. */
    Map<String, AttributeValue> primaryKey(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        put(key, item, table.partition());
        put(key, item, table.sort());
        return key;
    }

    /** A LastEvaluatedKey for the item read from {@code indexName} (null for the table): table keys plus index keys. */
    Map<String, AttributeValue> lastEvaluatedKey(Map<String, AttributeValue> item, String indexName) {
        Map<String, AttributeValue> key = primaryKey(item);
        if (indexName != null && indexes.containsKey(indexName)) {
            put(key, item, indexes.get(indexName).partition());
            put(key, item, indexes.get(indexName).sort());
        }
        return key;
    }

    /** A stable text for a primary key, to compare keys of items across requests. */
    static String identity(String tableName, Map<String, AttributeValue> key) {
        return tableName + "|" + new TreeMap<>(key);
    }

    private static void put(Map<String, AttributeValue> key, Map<String, AttributeValue> item, String attribute) {
        if (attribute != null && item.containsKey(attribute)) {
            key.put(attribute, item.get(attribute));
        }
    }
}
