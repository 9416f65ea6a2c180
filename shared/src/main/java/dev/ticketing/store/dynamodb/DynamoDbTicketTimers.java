package dev.ticketing.store.dynamodb;

import dev.ticketing.store.TicketTimers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads the sparse timers index ({@code automation-dueAt}): only tickets with a running timer are in it, keyed by a
 * shard and the time the timer fires, so a run reads the due tickets and nothing else.
 */
public final class DynamoDbTicketTimers implements TicketTimers {

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoDbTicketTimers(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public int shards() {
        return Keys.DUE_SHARDS;
    }

    @Override
    public List<DueTicket> due(int shard, Instant now, int limit, Optional<DueTicket> after) {
        // Sort keys start with the due time; the next millisecond's text is above every key due at or before now.
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(tableName)
                .indexName(Indexes.AUTOMATION_DUE)
                .keyConditionExpression("#shard = :shard AND #due < :bound")
                .expressionAttributeNames(Map.of("#shard", Indexes.DUE_SHARD, "#due", Indexes.DUE_AT))
                .expressionAttributeValues(Map.of(
                        ":shard", AttributeValue.fromS(Keys.dueShard(shard)),
                        ":bound", AttributeValue.fromS(Keys.instant(now.plusMillis(1)))))
                .limit(limit);
        after.ifPresent(last -> request.exclusiveStartKey(Map.of(
                "PK", AttributeValue.fromS(Keys.ticket(last.instanceId(), last.ticketNumber())),
                "SK", AttributeValue.fromS(Keys.TICKET_SK),
                Indexes.DUE_SHARD, AttributeValue.fromS(Keys.dueShard(last.ticketNumber())),
                Indexes.DUE_AT, AttributeValue.fromS(Keys.dueAt(last.dueOn(), last.instanceId(),
                        last.ticketNumber())))));
        return client.query(request.build()).items().stream()
                .map(DynamoDbTicketTimers::dueTicket)
                .toList();
    }

    private static DueTicket dueTicket(Map<String, AttributeValue> item) {
        String dueAt = item.get(Indexes.DUE_AT).s();
        return new DueTicket(item.get("instanceId").s(), Long.parseLong(item.get("ticketId").n()),
                SortableInstants.parse(dueAt.substring(0, dueAt.indexOf('#'))));
    }
}
