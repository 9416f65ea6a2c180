package dev.ticketing.store.dynamodb;

import dev.ticketing.store.RoundRobinTurn;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The turn counters of assignment rules' round-robins (docs/data-model.md, "Round-robin turns"): one item per rule,
 * {@code INSTANCE#<id>} / {@code ROUNDROBIN#<ruleId>}, whose {@code turn} counts the tickets the rule assigned. A
 * creation reads it, takes that turn and moves it on in the ticket's own transaction only if it still holds the
 * value read, so two tickets never take the same turn and every committed ticket took exactly one.
 */
final class RoundRobinTurns {

    static final String TYPE = "roundRobinTurn";

    private RoundRobinTurns() {
    }

    static Map<String, AttributeValue> key(String instanceId, String ruleId) {
        return Map.of("PK", AttributeValue.fromS(Keys.instance(instanceId)),
                "SK", AttributeValue.fromS(Keys.roundRobin(ruleId)));
    }

    /** The counter's value, 0 when it has no item yet; strongly consistent, so a retry sees the turn that won. */
    static long read(DynamoDbClient client, String tableName, String instanceId, String ruleId) {
        GetItemResponse response = client.getItem(r -> r.tableName(tableName).key(key(instanceId, ruleId))
                .consistentRead(true).projectionExpression("#turn")
                .expressionAttributeNames(Map.of("#turn", "turn")));
        AttributeValue turn = response.hasItem() ? response.item().get("turn") : null;
        return turn == null ? 0 : Long.parseLong(turn.n());
    }

    /** The update that takes {@code turn}: {@code turn + 1}, if the counter still holds the value read. */
    static TransactWriteItem take(String tableName, String instanceId, RoundRobinTurn turn) {
        boolean first = turn.turn() == 0;
        Map<String, AttributeValue> values = first
                ? Map.of(":next", AttributeValue.fromN("1"), ":type", AttributeValue.fromS(TYPE))
                : Map.of(":next", AttributeValue.fromN(Long.toString(turn.turn() + 1)),
                        ":read", AttributeValue.fromN(Long.toString(turn.turn())),
                        ":type", AttributeValue.fromS(TYPE));
        return TransactWriteItem.builder().update(u -> u
                        .tableName(tableName)
                        .key(key(instanceId, turn.ruleId()))
                        .updateExpression("SET #turn = :next, #type = :type")
                        .conditionExpression(first ? "attribute_not_exists(PK)" : "#turn = :read")
                        .expressionAttributeNames(Map.of("#turn", "turn", "#type", "type"))
                        .expressionAttributeValues(values))
                .build();
    }
}
