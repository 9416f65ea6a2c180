package dev.ticketing.store.dynamodb;

import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.store.TicketOrder;
import dev.ticketing.store.TicketQuery;
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
 * query reads the order's index over the instance's whole list and filters.
 */
record TicketListPlan(List<Stream> streams, String sortAttribute, boolean ascending,
                      String filterExpression, Map<String, String> filterNames,
                      Map<String, AttributeValue> filterValues) {

    /** One index partition read in sort-key order. */
    record Stream(String indexName, String partitionAttribute, String partitionValue) {
    }

    static TicketListPlan of(TicketQuery q) {
        String instanceId = q.instanceId();
        List<Stream> streams = new ArrayList<>();
        Filter filter = new Filter();
        boolean byCreated = q.orderBy() == TicketOrder.createdDateTime;
        if (byCreated && !q.statuses().isEmpty()) {
            for (Status s : Status.values()) {
                if (q.statuses().contains(s)) {
                    streams.add(new Stream("status-createdDateTime", "statusPk",
                            Keys.ticketListByStatus(instanceId, s.name())));
                }
            }
            filter.in("priority", q.priorities().stream().map(Priority::name).toList());
        } else if (byCreated && !q.priorities().isEmpty()) {
            for (Priority p : Priority.values()) {
                if (q.priorities().contains(p)) {
                    streams.add(new Stream("priority-createdDateTime", "priorityPk",
                            Keys.ticketListByPriority(instanceId, p.name())));
                }
            }
        } else {
            streams.add(new Stream(DynamoDbTicketListing.indexName(q.orderBy()), "listPk", Keys.ticketList(
                    instanceId)));
            filter.in("status", q.statuses().stream().map(Status::name).toList());
            filter.in("priority", q.priorities().stream().map(Priority::name).toList());
        }
        q.tags().stream().sorted().forEach(tag -> filter.contains("tagKeys", tag));
        q.title().ifPresent(title -> filter.contains("titleLower", title));
        q.search().ifPresent(search -> filter.contains("searchText", search));
        return new TicketListPlan(List.copyOf(streams), DynamoDbTicketListing.sortAttribute(q.orderBy()),
                q.ascending(), filter.expression(), filter.names, filter.values);
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

    void keyCondition(Stream stream, String after, QueryRequest.Builder request) {
        Map<String, String> names = new HashMap<>(filterNames);
        Map<String, AttributeValue> values = new HashMap<>(filterValues);
        names.put("#pk", stream.partitionAttribute());
        values.put(":pk", AttributeValue.fromS(stream.partitionValue()));
        String condition = "#pk = :pk";
        if (after != null) {
            names.put("#sk", sortAttribute);
            values.put(":after", AttributeValue.fromS(after));
            condition += ascending ? " AND #sk > :after" : " AND #sk < :after";
        }
        request.keyConditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values);
    }

    void filter(QueryRequest.Builder request) {
        if (filterExpression != null) {
            request.filterExpression(filterExpression);
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

        void contains(String attribute, String text) {
            conditions.add("contains(" + name(attribute) + ", " + value(text) + ")");
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
