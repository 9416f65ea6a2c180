package dev.ticketing.metrics;

import dev.ticketing.model.ActivityType;
import java.util.Objects;

/**
 * What the domain counts for operators: tickets written, replays, retried conflicts, what a listing read against
 * what it returned. A port: services and stores call {@link #current()}, which does nothing until a deployment
 * installs a recorder ({@code Dependencies} installs the functions' CloudWatch one), so the domain knows nothing of
 * how or where the counts go.
 */
public interface DomainMetrics {

    /** Counts nothing; what {@link #current()} is until {@link #install} is called. */
    DomainMetrics NONE = new DomainMetrics() {
    };

    /** The recorder in use. */
    static DomainMetrics current() {
        return Installed.metrics;
    }

    /** Makes {@code metrics} the recorder every later call of {@link #current()} returns. */
    static void install(DomainMetrics metrics) {
        Installed.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** A ticket was stored. */
    default void ticketCreated() {
    }

    /** A change to a ticket was stored: an update, a status change or a comment. */
    default void ticketChanged(ActivityType type) {
    }

    /** A request with an Idempotency-Key was answered with the response stored for its first sending. */
    default void idempotentReplay() {
    }

    /** A write lost a race with a concurrent write and is tried again. */
    default void writeConflictRetried() {
    }

    /** One read of a ticket listing evaluated {@code items} items (read and billed, before any filter). */
    default void listItemsRead(long items) {
    }

    /** A ticket listing answered a page of {@code items} tickets. */
    default void listItemsReturned(int items) {
    }

    /** A run of the scheduled automation read {@code dueRead} due tickets and made these changes. */
    default void automationRun(int dueRead, int escalations, int idle) {
    }
}
