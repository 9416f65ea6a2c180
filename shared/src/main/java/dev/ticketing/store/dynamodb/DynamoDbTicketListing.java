package dev.ticketing.store.dynamodb;

import dev.ticketing.metrics.DomainMetrics;
import dev.ticketing.model.Ticket;
import dev.ticketing.store.InvalidPageRequestException;
import dev.ticketing.store.TicketListing;
import dev.ticketing.store.Page;
import dev.ticketing.store.TicketQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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

    /**
     * The read budget of one request, in items evaluated (read before filters): at least what the page needs
     * ({@code offset + limit + 1}), otherwise this many. A filter that matches little ends the page early, with a
     * token that resumes where reading stopped, instead of reading the whole list in one request.
     */
    static final int READ_BUDGET = 1000;

    /**
     * The stored bytes of the tickets on one page. A response renders each ticket's stored text, at worst about
     * six bytes per stored byte (JSON escapes), so this keeps a page well under Lambda's 6 MB response payload.
     */
    static final long PAGE_BYTES = 512 * 1024;

    private final DynamoDbClient client;
    private final String tableName;
    private final ContinuationTokens tokens;
    private final int readBudget;

    public DynamoDbTicketListing(DynamoDbClient client, String tableName, ContinuationTokens tokens) {
        this(client, tableName, tokens, READ_BUDGET);
    }

    DynamoDbTicketListing(DynamoDbClient client, String tableName, ContinuationTokens tokens, int readBudget) {
        this.client = client;
        this.tableName = tableName;
        this.tokens = tokens;
        this.readBudget = readBudget;
    }

    @Override
    public Page<Ticket> list(TicketQuery query) {
        TicketListPlan plan = TicketListPlan.of(query);
        String fingerprint = query.fingerprint();
        Optional<Map<String, AttributeValue>> start = query.continuationToken()
                .map(token -> checkedKey(tokens.decode(token, query.instanceId(), fingerprint), plan));
        // offset + limit can reach about 101,000: an int holds it.
        int wanted = query.offset() + query.limit() + 1;
        int budget = Math.max(wanted, readBudget);
        Read read = plan.streams().size() == 1
                ? read(plan, plan.streams().get(0), start.orElse(null), null, wanted, budget)
                : merged(plan, start, wanted, budget);
        List<Map<String, AttributeValue>> matched = read.items();
        if (read.stoppedAt() != null && query.offset() > 0 && matched.size() <= query.offset()) {
            throw new InvalidPageRequestException("offset", "skips more tickets than one request may read for these "
                    + "filters; page with continuationToken instead");
        }
        List<Map<String, AttributeValue>> page = withinPageBytes(matched.subList(
                Math.min(query.offset(), matched.size()), Math.min(query.offset() + query.limit(), matched.size())));
        List<Ticket> tickets = page.stream().map(item -> TicketItem.SCHEMA.mapToItem(item).toTicket()).toList();
        Map<String, AttributeValue> resumeAfter = null;
        if (page.size() < Math.min(query.limit(), matched.size() - query.offset())
                || matched.size() > query.offset() + query.limit()) {
            // More matches were read than the page holds: resume after its last ticket.
            resumeAfter = plan.keyOf(page.get(page.size() - 1));
        } else if (read.stoppedAt() != null) {
            // The read budget ran out: every match read is on the page; resume where reading stopped.
            resumeAfter = plan.keyOf(read.stoppedAt());
        }
        Optional<String> next = Optional.ofNullable(resumeAfter)
                .map(key -> tokens.encode(query.instanceId(), fingerprint, key));
        DomainMetrics.current().listItemsReturned(tickets.size());
        return new Page<>(tickets, next, itemCount(query, next.isEmpty() ? matched.size() : -1));
    }

    /**
     * How many tickets match in all: {@code readToEnd} when this request read every match from the first (-1 when
     * it did not), otherwise the instance's ticket counts when they can answer, otherwise unknown. The counts answer
     * any set of statuses and priorities, and nothing else: a date, tag, title, search, assignee, escalation or
     * export filter is unknown to them.
     */
    private OptionalLong itemCount(TicketQuery query, int readToEnd) {
        if (readToEnd >= 0 && query.continuationToken().isEmpty()) {
            return OptionalLong.of(readToEnd);
        }
        if (!query.dates().isEmpty() || !query.tags().isEmpty() || query.title().isPresent()
                || query.search().isPresent() || query.assignee().isPresent() || query.frtEscalated().isPresent()
                || query.rtEscalated().isPresent() || query.export().isPresent()) {
            return OptionalLong.empty();
        }
        return TicketCounts.count(client, tableName, query.instanceId(), query.statuses(), query.priorities());
    }

    /** What was read: the matches, in order, and the last item evaluated when the budget ended the reading. */
    private record Read(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> stoppedAt) {
    }

    /** The page's first tickets up to {@link #PAGE_BYTES} of stored items (always at least one). */
    private static List<Map<String, AttributeValue>> withinPageBytes(List<Map<String, AttributeValue>> page) {
        long bytes = 0;
        for (int i = 0; i < page.size(); i++) {
            bytes += ItemBytes.of(page.get(i));
            if (bytes > PAGE_BYTES && i > 0) {
                return page.subList(0, i);
            }
        }
        return page;
    }

    /**
     * Several streams (one per status or priority value), each read up to {@code wanted} items after the token's
     * sort key, merged by sort key: the first {@code wanted} of the merge are necessarily among those read. When
     * the budget stops a stream early, the merge holds only up to where that stream stopped.
     */
    private Read merged(TicketListPlan plan, Optional<Map<String, AttributeValue>> start, int wanted, int budget) {
        String after = start.map(key -> key.get(plan.sortAttribute()).s()).orElse(null);
        Comparator<Map<String, AttributeValue>> bySortKey = Comparator.comparing(i -> i.get(plan.sortAttribute()).s());
        Comparator<Map<String, AttributeValue>> inOrder = plan.ascending() ? bySortKey : bySortKey.reversed();
        int streamBudget = Math.max(wanted, budget / plan.streams().size());
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        Map<String, AttributeValue> stoppedAt = null;
        for (TicketListPlan.Stream stream : plan.streams()) {
            Read read = read(plan, stream, null, after, wanted, streamBudget);
            all.addAll(read.items());
            if (read.stoppedAt() != null && (stoppedAt == null || inOrder.compare(read.stoppedAt(), stoppedAt) < 0)) {
                stoppedAt = read.stoppedAt();
            }
        }
        all.sort(inOrder);
        if (stoppedAt != null) {
            Map<String, AttributeValue> limit = stoppedAt;
            all.removeIf(item -> inOrder.compare(item, limit) > 0);
        }
        return new Read(all.subList(0, Math.min(wanted, all.size())), stoppedAt);
    }

    /**
     * Up to {@code wanted} matching items of one stream, after {@code exclusiveStart} or sort value {@code after},
     * evaluating at most about {@code budget} items.
     */
    private Read read(TicketListPlan plan, TicketListPlan.Stream stream, Map<String, AttributeValue> exclusiveStart,
                      String after, int wanted, int budget) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> startKey = exclusiveStart;
        long scanned = 0;
        do {
            int limit = (int) Math.min(nextLimit(plan, wanted - out.size(), out.size(), scanned), budget - scanned);
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(tableName)
                    .indexName(stream.indexName())
                    .scanIndexForward(plan.ascending())
                    .limit(limit);
            if (!plan.keyCondition(stream, after, request)) {
                // The date range holds no sort key, or none after the token's: nothing to read.
                return new Read(out, null);
            }
            plan.filter(request);
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse response = client.query(request.build());
            out.addAll(response.items());
            scanned += response.scannedCount() == null ? 0 : response.scannedCount();
            DomainMetrics.current().listItemsRead(response.scannedCount() == null ? 0 : response.scannedCount());
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null && out.size() < wanted && scanned < budget);
        if (out.size() > wanted) {
            return new Read(out.subList(0, wanted), null);
        }
        return new Read(out, startKey != null && out.size() < wanted ? startKey : null);
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
            throw new InvalidPageRequestException(ContinuationTokens.PARAMETER, "does not fit this query");
        }
        return key;
    }

}
