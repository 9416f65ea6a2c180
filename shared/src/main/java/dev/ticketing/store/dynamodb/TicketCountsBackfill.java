package dev.ticketing.store.dynamodb;

import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Establishes the ticket counts of an instance created before they existed (docs/data-model.md, "Ticket counts"),
 * while the instance is in use. Ticket writes have kept each count shard up to date by differences since the
 * counts were deployed, and bump its {@code writes} on every change; for each shard this tool reads {@code writes},
 * counts the shard's tickets (numbers 1 to the instance's last, strongly consistent reads), and sets the shard to
 * those counts only if {@code writes} is still what it read: then no counted write happened meanwhile and the
 * counts are exact. A shard that changed is counted again. Once every shard is set, the READY item is written and
 * GET /tickets starts giving {@code itemCount} from the counts.
 */
public final class TicketCountsBackfill {

    /** Counting attempts per shard before giving up on an instance too busy to count. */
    public static final int ATTEMPTS = 10;
    private static final String BASED = "based";
    private static final int BATCH_KEYS = 100;

    private final DynamoDbClient client;
    private final String tableName;

    public TicketCountsBackfill(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    /**
     * What the run found: the instance's tickets by the counts, and whether its counts were complete already (an
     * instance created since the counts exist, or one this tool established before).
     */
    public record Result(long tickets, boolean alreadyReady) {
    }

    /** Thrown when a shard changed during each of its {@link #ATTEMPTS} counts; running the tool again is safe. */
    public static final class TooBusyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooBusyException(String message) {
            super(message);
        }
    }

    public Result run(String instanceId) {
        boolean ready = get(instanceId, Keys.TICKET_COUNTS_READY_SK) != null;
        if (!ready) {
            for (int shard = 0; shard < TicketCounts.SHARDS; shard++) {
                establish(instanceId, shard);
            }
            TicketCounts.ReadyItem item = TicketCounts.ReadyItem.of(instanceId, Keys.instant(Instant.now()));
            try {
                client.putItem(r -> r.tableName(tableName)
                        .item(TicketCounts.ReadyItem.SCHEMA.itemToMap(item, true))
                        .conditionExpression("attribute_not_exists(PK)"));
            } catch (ConditionalCheckFailedException alreadyWritten) {
                // Another run finished first: the counts are the same.
            }
        }
        long tickets = TicketCounts.count(client, tableName, instanceId, Set.of(), Set.of()).orElseThrow();
        return new Result(tickets, ready);
    }

    private void establish(String instanceId, int shard) {
        String sortKey = Keys.TICKET_COUNTS_PREFIX + shard;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Map<String, AttributeValue> before = get(instanceId, sortKey);
            if (before != null && before.containsKey(BASED)) {
                return;
            }
            AttributeValue writes = before == null ? null : before.get(TicketCounts.WRITES);
            Map<String, Long> counts = countShard(instanceId, shard, lastTicketNumber(instanceId));
            Map<String, String> names = new HashMap<>(Map.of("#type", "type", "#based", BASED,
                    "#writes", TicketCounts.WRITES));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":type", AttributeValue.fromS(TicketCounts.TYPE),
                    ":true", AttributeValue.fromBool(true)));
            StringBuilder set = new StringBuilder("SET #type = :type, #based = :true");
            int i = 0;
            for (Map.Entry<String, Long> cell : counts.entrySet()) {
                set.append(", #c").append(i).append(" = :c").append(i);
                names.put("#c" + i, cell.getKey());
                values.put(":c" + i, AttributeValue.fromN(Long.toString(cell.getValue())));
                i++;
            }
            String unchanged;
            if (writes == null) {
                unchanged = "attribute_not_exists(#writes)";
            } else {
                unchanged = "#writes = :writes";
                values.put(":writes", writes);
            }
            try {
                client.updateItem(r -> r.tableName(tableName)
                        .key(TicketCounts.key(instanceId, sortKey))
                        .updateExpression(set.toString())
                        .conditionExpression("attribute_not_exists(#based) AND " + unchanged)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values));
                return;
            } catch (ConditionalCheckFailedException | TransactionConflictException changed) {
                // A ticket of this shard was written while it was counted (or another run set it): count again.
            }
        }
        throw new TooBusyException("Ticket count shard " + shard + " of instance " + instanceId + " changed during "
                + ATTEMPTS + " counts; run the command again, or when the instance is quieter.");
    }

    /** The number the instance's next ticket would follow: no ticket has a higher one yet. */
    private long lastTicketNumber(String instanceId) {
        Map<String, AttributeValue> counter = get(instanceId, Keys.COUNTER_SK);
        return counter == null || !counter.containsKey("next") ? 0 : Long.parseLong(counter.get("next").n());
    }

    /** Every (status, priority) pair with the number of the shard's tickets in it, zeros included. */
    private Map<String, Long> countShard(String instanceId, int shard, long lastNumber) {
        Map<String, Long> counts = new HashMap<>();
        for (Status status : Status.values()) {
            for (Priority priority : Priority.values()) {
                counts.put(TicketCounts.cell(status, priority), 0L);
            }
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        long first = shard == 0 ? TicketCounts.SHARDS : shard;
        for (long number = first; number <= lastNumber; number += TicketCounts.SHARDS) {
            keys.add(Map.of("PK", AttributeValue.fromS(Keys.ticket(instanceId, number)),
                    "SK", AttributeValue.fromS(Keys.TICKET_SK)));
            if (keys.size() == BATCH_KEYS) {
                read(keys, counts);
                keys = new ArrayList<>();
            }
        }
        if (!keys.isEmpty()) {
            read(keys, counts);
        }
        return counts;
    }

    private void read(List<Map<String, AttributeValue>> keys, Map<String, Long> counts) {
        Map<String, KeysAndAttributes> pending = Map.of(tableName, KeysAndAttributes.builder()
                .keys(keys)
                .consistentRead(true)
                .projectionExpression("#status, #priority")
                .expressionAttributeNames(Map.of("#status", "status", "#priority", "priority"))
                .build());
        while (!pending.isEmpty()) {
            Map<String, KeysAndAttributes> request = pending;
            BatchGetItemResponse response = client.batchGetItem(r -> r.requestItems(request));
            for (Map<String, AttributeValue> ticket : response.responses().getOrDefault(tableName, List.of())) {
                counts.merge(TicketCounts.cell(Status.valueOf(ticket.get("status").s()),
                        Priority.valueOf(ticket.get("priority").s())), 1L, Long::sum);
            }
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
    }

    private Map<String, AttributeValue> get(String instanceId, String sortKey) {
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(tableName)
                .key(TicketCounts.key(instanceId, sortKey))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }
}
