package dev.ticketing.observability;

import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** The metrics the functions publish, in namespace {@code Ticketing} (docs/operations.md, "Metrics"). */
enum Metric {
    TICKETS_CREATED("TicketsCreated"),
    TICKET_UPDATES("TicketUpdates"),
    STATUS_CHANGES("StatusChanges"),
    COMMENTS("Comments"),
    IDEMPOTENT_REPLAYS("IdempotentReplays"),
    WRITE_CONFLICTS_RETRIED("WriteConflictsRetried"),
    LIST_ITEMS_READ("ListItemsRead"),
    LIST_ITEMS_RETURNED("ListItemsReturned"),
    /** Items read per item returned, for one page; pages that return nothing count as returning one. */
    LIST_READ_PER_RETURNED("ListItemsReadPerReturned", MetricUnit.NONE),
    /** Scheduled automation: due tickets read from the timers index, targets escalated, idle tickets handled. */
    AUTOMATION_DUE_READ("AutomationDueRead"),
    TICKETS_ESCALATED("TicketsEscalated"),
    IDLE_TICKETS("IdleTickets"),
    CLIENT_ERRORS("ClientErrors"),
    SERVER_ERRORS("ServerErrors");

    private final String metricName;
    private final MetricUnit unit;

    Metric(String metricName) {
        this(metricName, MetricUnit.COUNT);
    }

    Metric(String metricName, MetricUnit unit) {
        this.metricName = metricName;
        this.unit = unit;
    }

    String metricName() {
        return metricName;
    }

    MetricUnit unit() {
        return unit;
    }
}
