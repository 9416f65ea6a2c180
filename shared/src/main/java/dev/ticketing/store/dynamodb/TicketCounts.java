package dev.ticketing.store.dynamodb;

import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.model.Ticket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * An instance's ticket counts by status and priority (docs/data-model.md, "Ticket counts"): {@link #SHARDS} items,
 * ticket number modulo {@link #SHARDS} choosing a ticket's item, each holding one number per (status, priority)
 * pair. Every ticket write that moves a ticket from one pair to another, or creates one, updates its item in the
 * ticket's own transaction, so the counts change exactly when the tickets do. They answer only once the instance's
 * {@code TICKETCOUNT#READY} item exists: written with the instance, or by the backfill of an instance created before.
 */
final class TicketCounts {

    /** Spreads concurrent ticket writes over several items, so that they rarely meet on the same one. */
    static final int SHARDS = 10;
    static final String TYPE = "ticketCount";
    /** Counts every update of a shard, so that a backfill can tell whether a shard changed while it counted. */
    static final String WRITES = "writes";

    private TicketCounts() {
    }

    static String shardKey(long ticketNumber) {
        return Keys.ticketCountShard(ticketNumber, SHARDS);
    }

    /** The attribute holding the number of tickets with this status and priority, e.g. {@code Open_Urgent}. */
    static String cell(Status status, Priority priority) {
        return status.name() + "_" + priority.name();
    }

    static String cell(Ticket ticket) {
        return cell(ticket.status(), ticket.priority());
    }

    /** The update that counts a new ticket, for its creation transaction. */
    static TransactWriteItem created(String tableName, Ticket ticket) {
        return update(tableName, ticket, Map.of(cell(ticket), 1L));
    }

    /** The update that moves a changed ticket between pairs, or empty when its status and priority are unchanged. */
    static Optional<TransactWriteItem> changed(String tableName, Ticket before, Ticket after) {
        String from = cell(before);
        String to = cell(after);
        if (from.equals(to)) {
            return Optional.empty();
        }
        return Optional.of(update(tableName, after, Map.of(from, -1L, to, 1L)));
    }

    private static TransactWriteItem update(String tableName, Ticket ticket, Map<String, Long> deltas) {
        Map<String, String> names = new HashMap<>(Map.of("#type", "type", "#writes", WRITES));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":type", AttributeValue.fromS(TYPE),
                ":one", AttributeValue.fromN("1")));
        StringBuilder add = new StringBuilder(" ADD #writes :one");
        int i = 0;
        for (Map.Entry<String, Long> delta : deltas.entrySet()) {
            add.append(", #c").append(i).append(" :c").append(i);
            names.put("#c" + i, delta.getKey());
            values.put(":c" + i, AttributeValue.fromN(Long.toString(delta.getValue())));
            i++;
        }
        return TransactWriteItem.builder().update(u -> u
                        .tableName(tableName)
                        .key(key(ticket.instanceId(), shardKey(ticket.ticketId())))
                        .updateExpression("SET #type = :type" + add)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values))
                .build();
    }

    static Map<String, AttributeValue> key(String instanceId, String sortKey) {
        return Map.of("PK", AttributeValue.fromS(Keys.instance(instanceId)), "SK", AttributeValue.fromS(sortKey));
    }

    /**
     * How many tickets of the instance have one of {@code statuses} and one of {@code priorities} (an empty set
     * is every value), or empty when the instance's counts are not established. One strongly consistent Query of
     * about 11 small items.
     */
    static OptionalLong count(DynamoDbClient client, String tableName, String instanceId, Set<Status> statuses,
                              Set<Priority> priorities) {
        QueryResponse response = client.query(r -> r
                .tableName(tableName)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.instance(instanceId)),
                        ":prefix", AttributeValue.fromS(Keys.TICKET_COUNTS_PREFIX)))
                .consistentRead(true));
        List<Map<String, AttributeValue>> items = response.items();
        if (items.stream().noneMatch(item -> Keys.TICKET_COUNTS_READY_SK.equals(item.get("SK").s()))) {
            return OptionalLong.empty();
        }
        long total = 0;
        for (Map<String, AttributeValue> item : items) {
            for (Status status : Status.values()) {
                for (Priority priority : Priority.values()) {
                    AttributeValue n = item.get(cell(status, priority));
                    if (n != null && (statuses.isEmpty() || statuses.contains(status))
                            && (priorities.isEmpty() || priorities.contains(priority))) {
                        total += Long.parseLong(n.n());
                    }
                }
            }
        }
        return OptionalLong.of(total);
    }

    /** The item that says an instance's counts are complete. */
    static final class ReadyItem {
        static final String TYPE = "ticketCountsReady";

        String pk;
        String sk;
        String type;
        String createdOn;

        static final TableSchema<ReadyItem> SCHEMA = schema();

        static ReadyItem of(String instanceId, String createdOn) {
            ReadyItem item = new ReadyItem();
            item.pk = Keys.instance(instanceId);
            item.sk = Keys.TICKET_COUNTS_READY_SK;
            item.type = TYPE;
            item.createdOn = createdOn;
            return item;
        }

        private static TableSchema<ReadyItem> schema() {
            StaticTableSchema.Builder<ReadyItem> s = StaticTableSchema.builder(ReadyItem.class)
                    .newItemSupplier(ReadyItem::new);
            Attributes.partitionKey(s, i -> i.pk, (i, v) -> i.pk = v);
            Attributes.sortKey(s, i -> i.sk, (i, v) -> i.sk = v);
            Attributes.string(s, "type", i -> i.type, (i, v) -> i.type = v);
            Attributes.string(s, "createdOn", i -> i.createdOn, (i, v) -> i.createdOn = v);
            return s.build();
        }
    }
}
