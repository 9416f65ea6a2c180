package dev.ticketing.store.dynamodb;

import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.store.DateRange;
import dev.ticketing.store.TicketDateField;
import dev.ticketing.store.TicketOrder;
import dev.ticketing.store.TicketQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Which index, key conditions and filter serve a ticket query (the GET /tickets rows of the access-pattern table):
 * createdDateTime order with a status or priority filter reads that value's own index partition; every other
 * query reads the order's index over the instance's whole list and filters. A date range on the index's own sort
 * key narrows the key condition; every other date range is filtered.
 *
 * @param lowest  the smallest sort key to read (inclusive), or null
 * @param highest the largest sort key to read (inclusive), or null
 */
record TicketListPlan(List<Stream> streams, String sortAttribute, boolean ascending, String lowest, String highest,
                      String filterExpression, Map<String, String> filterNames,
                      Map<String, AttributeValue> filterValues) {

    /** One index partition read in sort-key order. */
    record Stream(String indexName, String partitionAttribute, String partitionValue) {
    }

    static TicketListPlan of(TicketQuery q) {
        String instanceId = q.instanceId();
        List<Stream> streams = new ArrayList<>();
        Filter filter = new Filter();
        SortRange range = new SortRange();
        boolean byCreated = q.orderBy() == TicketOrder.createdDateTime;
        boolean ascending = q.ascending();
        boolean statusesServed = false;
        boolean prioritiesServed = false;
        boolean escalationServed = false;
        boolean assigneeServed = false;
        String sortAttribute;
        if (q.export().isPresent()) {
            // The incremental export: every ticket by its last change, oldest first, after the time asked for.
            streams.add(new Stream(Indexes.UPDATED, Indexes.LIST_PK, Keys.ticketList(instanceId)));
            sortAttribute = Indexes.UPDATED_SORT;
            ascending = true;
            range.lowest = Keys.instant(SortableInstants.clamp(q.export().get().after())) + ABOVE_SEPARATOR;
            range.highest = Keys.instant(SortableInstants.clamp(q.export().get().horizon()));
        } else if (byCreated && escalatedOnly(q)) {
            // Sparse: only escalated tickets are in the index, one partition per combination of flags.
            for (String flags : escalationPartitions(q)) {
                streams.add(new Stream(Indexes.ESCALATION_CREATED, Indexes.ESCALATION_PK,
                        Keys.ticketList(instanceId) + "#ESCALATED#" + flags));
            }
            sortAttribute = Indexes.sortAttribute(TicketOrder.createdDateTime);
            escalationServed = true;
        } else if (q.assignee().isPresent() && ASSIGNEE_ORDERS.contains(q.orderBy())) {
            // One assignee's tickets are one key range of the assignee-email order, by ticket number within it.
            streams.add(new Stream(Indexes.byOrder(TicketOrder.assigneeEmail), Indexes.LIST_PK,
                    Keys.ticketList(instanceId)));
            sortAttribute = Indexes.sortAttribute(TicketOrder.assigneeEmail);
            range.lowest = TicketSortKeys.assigneePrefix(q.assignee().get());
            range.highest = TicketSortKeys.assigneeRangeEnd(q.assignee().get());
            assigneeServed = true;
        } else if (byCreated && !q.statuses().isEmpty()) {
            for (Status s : Status.values()) {
                if (q.statuses().contains(s)) {
                    streams.add(new Stream(Indexes.STATUS_CREATED, Indexes.STATUS_PK,
                            Keys.ticketListByStatus(instanceId, s.name())));
                }
            }
            sortAttribute = Indexes.sortAttribute(q.orderBy());
            statusesServed = true;
        } else if (byCreated && !q.priorities().isEmpty()) {
            for (Priority p : Priority.values()) {
                if (q.priorities().contains(p)) {
                    streams.add(new Stream(Indexes.PRIORITY_CREATED, Indexes.PRIORITY_PK,
                            Keys.ticketListByPriority(instanceId, p.name())));
                }
            }
            sortAttribute = Indexes.sortAttribute(q.orderBy());
            prioritiesServed = true;
        } else {
            streams.add(new Stream(Indexes.byOrder(q.orderBy()), Indexes.LIST_PK, Keys.ticketList(instanceId)));
            sortAttribute = Indexes.sortAttribute(q.orderBy());
        }
        if (!statusesServed) {
            filter.in("status", q.statuses().stream().map(Status::name).toList());
        }
        if (!prioritiesServed) {
            filter.in("priority", q.priorities().stream().map(Priority::name).toList());
        }
        // Served by the escalation partitions, a flag asked false included: each partition holds one combination.
        if (!escalationServed) {
            q.frtEscalated().ifPresent(flag -> filter.is("isFrtEscalated", flag));
            q.rtEscalated().ifPresent(flag -> filter.is("isRtEscalated", flag));
        }
        if (!assigneeServed) {
            q.assignee().ifPresent(email -> filter.beginsWith(Indexes.sortAttribute(TicketOrder.assigneeEmail),
                    TicketSortKeys.assigneePrefix(email)));
        }
        for (TicketDateField field : TicketDateField.values()) {
            q.date(field).ifPresent(dates -> {
                if (!range.serve(sortAttribute, field, dates)) {
                    filter.range(field.ticketField(), dates);
                }
            });
        }
        q.tags().stream().sorted().forEach(tag -> filter.contains("tagKeys", tag));
        q.title().ifPresent(title -> filter.contains("titleLower", title));
        q.search().ifPresent(search -> filter.contains("searchText", search));
        return new TicketListPlan(List.copyOf(streams), sortAttribute,
                ascending, range.lowest, range.highest, filter.expression(), filter.names, filter.values);
    }

    /** Above every key that starts with a given text followed by the separator (keys go on with a number). */
    private static final String ABOVE_SEPARATOR = "\u0002";

    /** The orders one assignee's key range serves: ticket number order, which is creation order. */
    private static final Set<TicketOrder> ASSIGNEE_ORDERS = Set.of(TicketOrder.createdDateTime, TicketOrder.ticketId,
            TicketOrder.assigneeEmail);

    /** Whether the query asks only for escalated tickets: some flag asked true. */
    private static boolean escalatedOnly(TicketQuery q) {
        return q.frtEscalated().orElse(false) || q.rtEscalated().orElse(false);
    }

    /**
     * The escalated-tickets partitions that hold exactly the asked combination: FRT (first response only), RT
     * (resolution only), FRT_RT (both).
     */
    private static List<String> escalationPartitions(TicketQuery q) {
        List<String> partitions = new ArrayList<>();
        for (boolean frt : new boolean[] {true, false}) {
            for (boolean rt : new boolean[] {true, false}) {
                boolean wanted = (frt || rt) && q.frtEscalated().map(f -> f == frt).orElse(true)
                        && q.rtEscalated().map(r -> r == rt).orElse(true);
                if (wanted) {
                    partitions.add(Keys.escalation(frt, rt));
                }
            }
        }
        return partitions;
    }

    /** The attributes of a continuation key: table keys plus the index keys, as DynamoDB's LastEvaluatedKey. */
    Set<String> keyAttributes() {
        return Set.of("PK", "SK", streams.get(0).partitionAttribute(), sortAttribute);
    }

    Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        keyAttributes().forEach(name -> key.put(name, item.get(name)));
        return key;
    }

    /**
     * The key condition of {@code stream}: its partition, and the sort keys within the date range and, when
     * {@code after} is given, beyond that sort key in reading order. DynamoDB takes one condition on the sort key,
     * so both ends are written inclusively (BETWEEN); returns false when nothing is left to read.
     */
    boolean keyCondition(Stream stream, String after, QueryRequest.Builder request) {
        String low = lowest;
        String high = highest;
        if (after != null && ascending) {
            low = max(low, TicketSortKeys.justAbove(after));
        } else if (after != null) {
            high = min(high, TicketSortKeys.justBelow(after));
        }
        Map<String, String> names = new HashMap<>(filterNames);
        Map<String, AttributeValue> values = new HashMap<>(filterValues);
        names.put("#pk", stream.partitionAttribute());
        values.put(":pk", AttributeValue.fromS(stream.partitionValue()));
        String condition = "#pk = :pk";
        if (low != null || high != null) {
            if (low != null && high != null && low.compareTo(high) > 0) {
                return false;
            }
            names.put("#sk", sortAttribute);
            if (low != null) {
                values.put(":low", AttributeValue.fromS(low));
            }
            if (high != null) {
                values.put(":high", AttributeValue.fromS(high));
            }
            condition += low == null ? " AND #sk <= :high"
                    : high == null ? " AND #sk >= :low" : " AND #sk BETWEEN :low AND :high";
        }
        request.keyConditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values);
        return true;
    }

    void filter(QueryRequest.Builder request) {
        if (filterExpression != null) {
            request.filterExpression(filterExpression);
        }
    }

    private static String max(String a, String b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }

    private static String min(String a, String b) {
        return a == null || b.compareTo(a) < 0 ? b : a;
    }

    /**
     * The sort keys a query's date ranges allow on its index. Bounds are key prefixes that no stored key equals
     * (keys go on with the ticket number), so "from T" is {@code >= T} and "before T" is {@code <= T} exactly.
     * Besides the index's own date, the invariant createdOn <= lastUpdatedOn <= lastInteraction of every ticket
     * (set together at creation; a change sets lastUpdatedOn and lastInteraction to the same instant, a comment
     * lastInteraction only) bounds the index by another field's range, which is then also filtered.
     */
    private static final class SortRange {
        private static final Map<String, TicketOrder> ORDER_BY_SORT_ATTRIBUTE = ordersBySortAttribute();

        private String lowest;
        private String highest;

        private static Map<String, TicketOrder> ordersBySortAttribute() {
            Map<String, TicketOrder> orders = new HashMap<>();
            for (TicketOrder order : TicketOrder.values()) {
                orders.put(Indexes.sortAttribute(order), order);
            }
            return Map.copyOf(orders);
        }

        /**
         * Narrows the key range of an index sorted by {@code sortAttribute} by {@code dates}; true when that alone
         * matches exactly (no filter needed).
         */
        boolean serve(String sortAttribute, TicketDateField field, DateRange dates) {
            if (sortAttribute.equals(Indexes.UPDATED_SORT)) {
                if (field != TicketDateField.lastUpdate) {
                    return false;
                }
                dates.from().ifPresent(from -> lowest = max(lowest, instant(from)));
                dates.before().ifPresent(before -> highest = min(highest, instant(before)));
                return true;
            }
            TicketOrder order = ORDER_BY_SORT_ATTRIBUTE.get(sortAttribute);
            switch (order) {
                case createdDateTime -> {
                    if (field == TicketDateField.created) {
                        dates.from().ifPresent(from -> lowest = max(lowest, instant(from)));
                        dates.before().ifPresent(before -> highest = min(highest, instant(before)));
                        return true;
                    }
                    if (field == TicketDateField.lastUpdate) {
                        // Updated before T means created before T.
                        dates.before().ifPresent(before -> highest = min(highest, instant(before)));
                    }
                    return false;
                }
                case lastInteraction -> {
                    if (field == TicketDateField.created) {
                        // Created at or after T means last interaction at or after T. (Not so for lastUpdatedOn:
                        // the automation's changes move it without any interaction.)
                        dates.from().ifPresent(from -> lowest = max(lowest, instant(from)));
                    }
                    return false;
                }
                case expectedDate -> {
                    if (field != TicketDateField.expectedDate) {
                        return false;
                    }
                    // Tickets without an expected date have keys starting with MISSING, above every dated one.
                    lowest = max(lowest, TicketSortKeys.PRESENT + dates.from().map(SortRange::instant).orElse(""));
                    highest = min(highest, dates.before().map(b -> TicketSortKeys.PRESENT + instant(b))
                            .orElse(TicketSortKeys.MISSING));
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }

        private static String instant(Instant instant) {
            return Keys.instant(SortableInstants.clamp(instant));
        }
    }

    /** Builds the FilterExpression: every condition must hold. */
    private static final class Filter {
        private final StringJoiner conditions = new StringJoiner(" AND ");
        private final Map<String, String> names = new HashMap<>();
        private final Map<String, AttributeValue> values = new HashMap<>();
        private int next;

        void in(String attribute, List<String> candidates) {
            if (candidates.isEmpty()) {
                return;
            }
            String name = name(attribute);
            StringJoiner placeholders = new StringJoiner(", ", name + " IN (", ")");
            candidates.forEach(c -> placeholders.add(value(c)));
            conditions.add(placeholders.toString());
        }

        void is(String attribute, boolean flag) {
            String placeholder = ":f" + next++;
            values.put(placeholder, AttributeValue.fromBool(flag));
            conditions.add(name(attribute) + " = " + placeholder);
        }

        void beginsWith(String attribute, String prefix) {
            conditions.add("begins_with(" + name(attribute) + ", " + value(prefix) + ")");
        }

        void contains(String attribute, String text) {
            conditions.add("contains(" + name(attribute) + ", " + value(text) + ")");
        }

        /** Stored date-times are fixed-width UTC text, so text order is time order; a missing one matches nothing. */
        void range(String attribute, DateRange dates) {
            String name = name(attribute);
            dates.from().ifPresent(from -> conditions.add(name + " >= " + value(Keys.instant(SortableInstants.clamp(
                    from)))));
            dates.before().ifPresent(before -> conditions.add(name + " < " + value(Keys.instant(SortableInstants.clamp(
                    before)))));
        }

        String expression() {
            return conditions.length() == 0 ? null : conditions.toString();
        }

        private String name(String attribute) {
            String placeholder = "#" + attribute;
            names.put(placeholder, attribute);
            return placeholder;
        }

        private String value(String text) {
            String placeholder = ":f" + next++;
            values.put(placeholder, AttributeValue.fromS(text));
            return placeholder;
        }
    }
}
