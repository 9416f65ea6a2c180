package dev.ticketing.store.dynamodb;

import dev.ticketing.store.TicketOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The table's global secondary indexes, named as template.yaml declares them (IndexesTest checks the two agree),
 * with the attributes that key them. Every index is sparse on its partition attribute: only ticket items carry it
 * (and only some of them {@link #ESCALATION_PK} and {@link #DUE_SHARD}).
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
    /** Escalated tickets of one instance, by creation; sparse, one partition per combination of flags. */
    static final String ESCALATION_CREATED = "escalation-createdDateTime";
    static final String ESCALATION_PK = "escalationPk";
    /** Every ticket of one instance by its last change (partition {@link #LIST_PK}): the incremental export. */
    static final String UPDATED = "updated-lastUpdatedOn";
    static final String UPDATED_SORT = "oLastUpdatedOn";
    /** Tickets with a running timer, of every instance, by when it fires; sparse and sharded. */
    static final String AUTOMATION_DUE = "automation-dueAt";
    static final String DUE_SHARD = "dueShard";
    static final String DUE_AT = "dueAt";

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
        names.add(ESCALATION_CREATED);
        names.add(UPDATED);
        names.add(AUTOMATION_DUE);
        return names;
    }
}
