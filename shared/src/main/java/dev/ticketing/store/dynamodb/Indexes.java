package dev.ticketing.store.dynamodb;

import dev.ticketing.store.TicketOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The table's global secondary indexes, named as template.yaml declares them (IndexesTest checks the two agree),
 * with the attributes that key them. Every index is sparse on its partition attribute: only ticket items carry it.
 */
final class Indexes {

    /** Partition attribute of the {@code order-*} indexes: every ticket of one instance. */
    static final String LIST_PK = "listPk";
    /** The tickets of one instance in one status, by creation. */
    static final String STATUS_CREATED = "status-createdDateTime";
    static final String STATUS_PK = "statusPk";
    /** The tickets of one instance with one priority, by creation. */
    static final String PRIORITY_CREATED = "priority-createdDateTime";
    static final String PRIORITY_PK = "priorityPk";

    private Indexes() {
    }

    /** The index that lists an instance's tickets in {@code order}. */
    static String byOrder(TicketOrder order) {
        return "order-" + order.name();
    }

    /** The sort attribute of {@code order}'s index, e.g. {@code oCreatedDateTime}; the two others sort by it too. */
    static String sortAttribute(TicketOrder order) {
        String name = order.name();
        return "o" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Every index name the code queries. */
    static List<String> all() {
        List<String> names = new ArrayList<>();
        for (TicketOrder order : TicketOrder.values()) {
            names.add(byOrder(order));
        }
        names.add(STATUS_CREATED);
        names.add(PRIORITY_CREATED);
        return names;
    }
}
