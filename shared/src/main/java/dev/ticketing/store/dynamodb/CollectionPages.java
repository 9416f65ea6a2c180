package dev.ticketing.store.dynamodb;

import dev.ticketing.store.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One page of one kind of item in a ticket's item collection (its activities, its attachments): one strongly
 * consistent Query by sort-key prefix, one item more than asked for to tell whether another page exists (so the last
 * page never carries a token), and a token bound to the instance and to {@code fingerprint}. A Query that DynamoDB
 * ends at 1 MB ends the page there too, and its token resumes after the last item read.
 */
final class CollectionPages {

    private CollectionPages() {
    }

    static <T> Page<T> read(DynamoDbClient client, String tableName, ContinuationTokens tokens, String instanceId,
                            String pk, String sortKeyPrefix, String fingerprint, boolean ascending, int limit,
                            String continuationToken, Function<Map<String, AttributeValue>, T> toValue) {
        Map<String, AttributeValue> startKey = continuationToken == null
                ? null : tokens.decode(continuationToken, instanceId, fingerprint);
        QueryResponse response = client.query(r -> r
                .tableName(tableName)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk),
                        ":prefix", AttributeValue.fromS(sortKeyPrefix)))
                .scanIndexForward(ascending)
                .consistentRead(true)
                .exclusiveStartKey(startKey)
                .limit(limit + 1));
        List<T> items = new ArrayList<>();
        Map<String, AttributeValue> lastReturned = null;
        for (Map<String, AttributeValue> raw : response.items()) {
            if (items.size() == limit) {
                return new Page<>(items, Optional.of(tokens.encode(instanceId, fingerprint, lastReturned)));
            }
            items.add(toValue.apply(raw));
            lastReturned = key(raw);
        }
        if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
            return new Page<>(items, Optional.of(tokens.encode(instanceId, fingerprint,
                    key(response.lastEvaluatedKey()))));
        }
        return new Page<>(items, Optional.empty());
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        return Map.of("PK", item.get("PK"), "SK", item.get("SK"));
    }
}
