package dev.ticketing.model;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which of a ticket's timers are still running: the first-response target until the first response or escalation,
 * the resolution target until the ticket is resolved or escalated, the idle timer until it fires or the ticket is
 * resolved. The scheduled automation acts on the earliest; the store indexes it.
 */
public final class SlaTimers {

    private SlaTimers() {
    }

    public static boolean firstResponsePending(Ticket t) {
        return t.frtDueOn() != null && t.firstResponseOn() == null && !t.isFrtEscalated()
                && !StatusWorkflow.resolves(t.status());
    }

    public static boolean resolutionPending(Ticket t) {
        return t.rtDueOn() != null && !t.isRtEscalated() && !StatusWorkflow.resolves(t.status());
    }

    public static boolean idlePending(Ticket t) {
        return t.idleDueOn() != null && !StatusWorkflow.resolves(t.status());
    }

    /** When the ticket's next timer fires; empty when none is running. */
    public static Optional<Instant> next(Ticket t) {
        return Stream.of(
                        firstResponsePending(t) ? t.frtDueOn() : null,
                        resolutionPending(t) ? t.rtDueOn() : null,
                        idlePending(t) ? t.idleDueOn() : null)
                .filter(java.util.Objects::nonNull)
                .min(Instant::compareTo);
    }
}
