package dev.ticketing.store.dynamodb;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads items as stored and renders their attributes as sorted text, for tests that pin the on-disk format. */
final class StoredItems {

    private StoredItems() {
    }

    static Map<String, String> summary(DynamoDbClient client, String tableName, String pk, String sk) {
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(tableName)
                .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk)))
                .consistentRead(true)).item();
        Map<String, String> summary = new TreeMap<>();
        item.forEach((name, value) -> summary.put(name, render(value)));
        return summary;
    }

    /** Sets are sorted, since DynamoDB does not keep their order. */
    static String render(AttributeValue v) {
        switch (v.type()) {
            case S: return "S:" + v.s();
            case N: return "N:" + v.n();
            case BOOL: return "BOOL:" + v.bool();
            case NUL: return "NUL";
            case SS: return "SS:" + v.ss().stream().sorted().toList();
            case L: return "L:" + v.l().stream().map(StoredItems::render).toList();
            case M: {
                Map<String, String> m = new TreeMap<>();
                v.m().forEach((k, x) -> m.put(k, render(x)));
                return "M:" + m;
            }
            default: return v.toString();
        }
    }
}
