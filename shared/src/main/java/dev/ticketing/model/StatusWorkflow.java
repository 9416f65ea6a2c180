package dev.ticketing.model;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Which status a ticket may move to from its current one (see docs/status-workflow.md). */
public final class StatusWorkflow {

    private static final Map<Status, Set<Status>> NEXT = new EnumMap<>(Status.class);

    static {
        // Once resolved or closed, work resumes through Reopened, never back to Open: Open means "never worked on".
        NEXT.put(Status.Open, EnumSet.of(Status.Started, Status.Resolved, Status.Closed));
        NEXT.put(Status.Reopened, EnumSet.of(Status.Started, Status.Resolved, Status.Closed));
        NEXT.put(Status.Started, EnumSet.of(Status.Resolved, Status.Closed));
        NEXT.put(Status.Resolved, EnumSet.of(Status.Reopened, Status.Closed));
        NEXT.put(Status.Closed, EnumSet.of(Status.Reopened));
    }

    private StatusWorkflow() {
    }

    public static boolean allows(Status from, Status to) {
        return NEXT.get(from).contains(to);
    }

    public static Set<Status> next(Status from) {
        return EnumSet.copyOf(NEXT.get(from));
    }

    /** Statuses that record a resolution. */
    public static boolean resolves(Status status) {
        return status == Status.Resolved || status == Status.Closed;
    }

    /** A move to this status is a response to the requestor, whoever makes it: Started, Resolved or Closed. */
    public static boolean respondsFirst(Status status) {
        return status == Status.Started || resolves(status);
    }
}
