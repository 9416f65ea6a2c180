package dev.ticketing.service;

import dev.ticketing.model.Instance;
import dev.ticketing.model.SlaPolicy;
import dev.ticketing.model.Status;
import dev.ticketing.model.StatusWorkflow;
import dev.ticketing.model.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps a ticket's service-level targets and idle timer right as people change it: the targets are set at creation
 * from the instance's policy, set again when the priority changes (from the creation time, for the targets still
 * running), and the resolution target starts over when a resolved ticket is reopened. A first response or a
 * resolution that comes after its target marks the ticket escalated at once, so the flags do not wait for the
 * scheduled automation. Every write by a person restarts the idle timer.
 */
public final class ServiceLevels {

    private ServiceLevels() {
    }

    /** {@code created} with the targets its priority has under the instance's policy and its idle timer started. */
    public static Ticket created(Instance instance, Ticket created) {
        Optional<SlaPolicy.SlaTarget> target = instance.slaPolicy().target(created.priority());
        Ticket.Builder next = created.toBuilder()
                .frtDueOn(dueFrom(created.createdOn(), target.flatMap(SlaPolicy.SlaTarget::firstResponse)))
                .rtDueOn(dueFrom(created.createdOn(), target.flatMap(SlaPolicy.SlaTarget::resolution)));
        return idle(instance, next, created).build();
    }

    /** {@code after}, a person's change of {@code before} at {@code now}, with its targets and flags kept right. */
    public static Ticket changed(Instance instance, Ticket before, Ticket after, Instant now) {
        Ticket.Builder next = after.toBuilder();
        Optional<SlaPolicy.SlaTarget> target = instance.slaPolicy().target(after.priority());
        if (before.priority() != after.priority()) {
            if (after.firstResponseOn() == null && !after.isFrtEscalated()) {
                next.frtDueOn(dueFrom(after.createdOn(), target.flatMap(SlaPolicy.SlaTarget::firstResponse)));
            }
            if (!after.isRtEscalated()) {
                next.rtDueOn(dueFrom(after.createdOn(), target.flatMap(SlaPolicy.SlaTarget::resolution)));
            }
        }
        boolean wasResolved = StatusWorkflow.resolves(before.status());
        boolean resolved = StatusWorkflow.resolves(after.status());
        if (wasResolved && after.status() == Status.Reopened && !after.isRtEscalated()) {
            next.rtDueOn(dueFrom(now, target.flatMap(SlaPolicy.SlaTarget::resolution)));
        }
        Ticket draft = next.build();
        if (before.firstResponseOn() == null && draft.firstResponseOn() != null && draft.frtDueOn() != null
                && draft.firstResponseOn().isAfter(draft.frtDueOn())) {
            next.isFrtEscalated(true);
        }
        if (!wasResolved && resolved && draft.rtDueOn() != null && now.isAfter(draft.rtDueOn())) {
            next.isRtEscalated(true);
        }
        return idle(instance, next, draft).build();
    }

    /** The idle timer restarts at the ticket's last interaction while the instance watches idle tickets. */
    private static Ticket.Builder idle(Instance instance, Ticket.Builder next, Ticket draft) {
        if (!instance.watchesIdleTickets() || StatusWorkflow.resolves(draft.status())
                || draft.lastInteraction() == null) {
            return next.idleDueOn(null);
        }
        return next.idleDueOn(draft.lastInteraction().plus(Duration.ofDays(instance.daysBeforeIdle())));
    }

    private static Instant dueFrom(Instant start, Optional<Duration> target) {
        return target.map(start::plus).orElse(null);
    }
}
