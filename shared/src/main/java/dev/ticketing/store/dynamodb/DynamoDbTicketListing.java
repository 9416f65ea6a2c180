package dev.ticketing.store.dynamodb;

import dev.ticketing.error.ValidationException;
import dev.ticketing.model.Ticket;
import dev.ticketing.store.TicketListing;
import dev.ticketing.store.TicketOrder;
import dev.ticketing.store.TicketPage;
import dev.ticketing.store.TicketQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Lists tickets from the list indexes of {@code docs/data-model.md}: one Query per stream in index order, reading
 * only as many items as the page needs (plus one, to know whether another page exists), never sorting in memory
 * except to merge several already-sorted streams.
 */
public final class DynamoDbTicketListing implements TicketListing {

    /** The largest single read: a Query page stops at 1 MB anyway, and tickets are a few KB. */
    private static final int MAX_READ = 1000;

    private final DynamoDbClient client;
    private final String tableName;
    private final ContinuationTokens tokens;

    public DynamoDbTicketListing(DynamoDbClient client, String tableName, ContinuationTokens tokens) {
        this.client = client;
        this.tableName = tableName;
        this.tokens = tokens;
    }

    @Override
    public TicketPage list(TicketQuery query) {
        TicketListPlan plan = TicketListPlan.of(query);
        String fingerprint = query.fingerprint();
        Optional<Map<String, AttributeValue>> start = query.continuationToken()
                .map(token -> checkedKey(tokens.decode(token, query.instanceId(), fingerprint), plan));
        // offset + limit can reach about 101,000: an int holds it.
        int wanted = query.offset() + query.limit() + 1;
        List<Map<String, AttributeValue>> read = plan.streams().size() == 1
                ? read(plan, plan.streams().get(0), start.orElse(null), null, wanted)
                : merged(plan, start, wanted);
        List<Map<String, AttributeValue>> page = read.subList(Math.min(query.offset(), read.size()),
                Math.min(query.offset() + query.limit(), read.size()));
        List<Ticket> tickets = page.stream().map(item -> TicketItem.SCHEMA.mapToItem(item).toTicket()).toList();
        Optional<String> next = read.size() > query.offset() + query.limit() && !page.isEmpty()
                ? Optional.of(tokens.encode(query.instanceId(), fingerprint, plan.keyOf(page.get(page.size() - 1))))
                : Optional.empty();
        return new TicketPage(tickets, next);
    }

    /**
     * Several streams (one per status or priority value), each read up to {@code wanted} items after the token's
     * sort key, merged by sort key: the first {@code wanted} of the merge are necessarily among those read.
     */
    private List<Map<String, AttributeValue>> merged(TicketListPlan plan, Optional<Map<String, AttributeValue>> start,
                                                     int wanted) {
        String after = start.map(key -> key.get(plan.sortAttribute()).s()).orElse(null);
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        for (TicketListPlan.Stream stream : plan.streams()) {
            all.addAll(read(plan, stream, null, after, wanted));
        }
        Comparator<Map<String, AttributeValue>> bySortKey = Comparator.comparing(i -> i.get(plan.sortAttribute()).s());
        all.sort(plan.ascending() ? bySortKey : bySortKey.reversed());
        return all.subList(0, Math.min(wanted, all.size()));
    }

    /** Up to {@code wanted} matching items of one stream, after {@code exclusiveStart} or sort value {@code after}. */
    private List<Map<String, AttributeValue>> read(TicketListPlan plan, TicketListPlan.Stream stream,
                                                   Map<String, AttributeValue> exclusiveStart, String after,
                                                   int wanted) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> startKey = exclusiveStart;
        long scanned = 0;
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(tableName)
                    .indexName(stream.indexName())
                    .scanIndexForward(plan.ascending())
                    .limit(nextLimit(plan, wanted - out.size(), out.size(), scanned));
            plan.keyCondition(stream, after, request);
            plan.filter(request);
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse response = client.query(request.build());
            out.addAll(response.items());
            scanned += response.scannedCount() == null ? 0 : response.scannedCount();
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null && out.size() < wanted);
        return out.size() > wanted ? out.subList(0, wanted) : out;
    }

    /**
     * Limit counts items read before the filter. Unfiltered, exactly the items still wanted are read. Filtered, the
     * next read is sized by the match rate seen so far, growing at most geometrically, so a selective filter takes
     * a few calls rather than one per {@code remaining} items, at the price of reading a little past the page.
     */
    static int nextLimit(TicketListPlan plan, int remaining, int matched, long scanned) {
        if (plan.filterExpression() == null || scanned == 0) {
            return remaining;
        }
        // Never more than doubling what was read so far: one early lucky or unlucky batch is a poor estimate.
        long growth = Math.max(remaining, scanned);
        long estimate = matched == 0 ? growth : Math.min(growth, (remaining * scanned + matched - 1) / matched);
        return (int) Math.min(Math.max(estimate, remaining), MAX_READ);
    }

    /** A verified token's key still has to have this plan's shape; only a leaked secret could make it differ. */
    private static Map<String, AttributeValue> checkedKey(Map<String, AttributeValue> key, TicketListPlan plan) {
        Set<String> expected = plan.keyAttributes();
        if (!key.keySet().equals(expected) || key.values().stream().anyMatch(v -> v.s() == null)) {
            throw new ValidationException(ContinuationTokens.PARAMETER, "does not fit this query");
        }
        return key;
    }

    static String indexName(TicketOrder order) {
        return "order-" + order.name();
    }

    static String sortAttribute(TicketOrder order) {
        String name = order.name();
        return "o" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
