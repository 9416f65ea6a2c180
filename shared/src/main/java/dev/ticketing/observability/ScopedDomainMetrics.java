package dev.ticketing.observability;

import dev.ticketing.metrics.DomainMetrics;
import dev.ticketing.model.ActivityType;

/**
 * The functions' {@link DomainMetrics}: each count goes to the invocation in scope on the calling thread and is
 * published with its record ({@link EmfRecords}); outside an invocation (tools, priming) nothing is counted.
 */
public final class ScopedDomainMetrics implements DomainMetrics {

    public static final DomainMetrics INSTANCE = new ScopedDomainMetrics();

    private ScopedDomainMetrics() {
    }

    @Override
    public void ticketCreated() {
        RequestScope.count(Metric.TICKETS_CREATED, 1);
    }

    @Override
    public void ticketChanged(ActivityType type) {
        switch (type) {
            case statusChange -> RequestScope.count(Metric.STATUS_CHANGES, 1);
            case comment -> RequestScope.count(Metric.COMMENTS, 1);
            case update -> RequestScope.count(Metric.TICKET_UPDATES, 1);
            default -> {
                // A creation is counted by ticketCreated.
            }
        }
    }

    @Override
    public void idempotentReplay() {
        RequestScope.count(Metric.IDEMPOTENT_REPLAYS, 1);
    }

    @Override
    public void writeConflictRetried() {
        RequestScope.count(Metric.WRITE_CONFLICTS_RETRIED, 1);
    }

    @Override
    public void listItemsRead(long items) {
        RequestScope.count(Metric.LIST_ITEMS_READ, items);
    }

    @Override
    public void listItemsReturned(int items) {
        RequestScope.count(Metric.LIST_ITEMS_RETURNED, items);
    }

    @Override
    public void automationRun(int dueRead, int escalations, int idle) {
        RequestScope.count(Metric.AUTOMATION_DUE_READ, dueRead);
        RequestScope.count(Metric.TICKETS_ESCALATED, escalations);
        RequestScope.count(Metric.IDLE_TICKETS, idle);
    }
}
