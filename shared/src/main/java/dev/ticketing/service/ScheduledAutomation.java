package dev.ticketing.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.Json;
import dev.ticketing.json.ValueJson;
import dev.ticketing.metrics.DomainMetrics;
import dev.ticketing.model.Activity;
import dev.ticketing.model.ActivityType;
import dev.ticketing.model.Instance;
import dev.ticketing.model.Persona;
import dev.ticketing.model.SlaTimers;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.User;
import dev.ticketing.store.InstanceStore;
import dev.ticketing.store.TicketChange;
import dev.ticketing.store.TicketStore;
import dev.ticketing.store.TicketTimers;
import dev.ticketing.store.TicketTimers.DueTicket;
import dev.ticketing.store.VersionConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the scheduled automation does every few minutes: for each ticket whose next timer has fired, found through
 * the timers index (never a scan), it marks a missed first-response or resolution target as escalated and acts on
 * an idle ticket: reassigns it to {@code idleTicketAssignedTo} when {@code isAutoAssignIdleTickets}, and records it
 * either way. Each change is an activity by {@link User#AUTOMATION}, written only if the ticket is still the
 * version read, so overlapping or repeated runs never change a ticket twice: the loser re-reads it and finds
 * nothing due.
 */
public final class ScheduledAutomation {

    /**
     * The most due tickets one run handles: about 4 reads and writes each, well within the function's timeout; the
     * rest stay due for the next run (the index keeps them).
     */
    public static final int RUN_BUDGET = 2_000;
    /** Due tickets read per index query. */
    static final int PAGE = 100;
    /** At most this many steps per ticket and run: a first-response and a resolution escalation, then idle. */
    private static final int MAX_STEPS = 3;

    private final TicketStore tickets;
    private final InstanceStore instances;
    private final TicketTimers timers;
    private final Clock clock;
    private final int budget;

    /** {@code budget}: the most tickets one run handles; the rest stay due for the next run. */
    public ScheduledAutomation(TicketStore tickets, InstanceStore instances, TicketTimers timers, Clock clock,
                               int budget) {
        this.tickets = tickets;
        this.instances = instances;
        this.timers = timers;
        this.clock = clock;
        this.budget = budget;
    }

    /** What a run did. {@code dueRead}: index entries read; {@code skipped}: due tickets of disabled instances. */
    public record Run(int dueRead, int escalations, int idle, int reassigned, int skipped, boolean budgetReached) {
    }

    /** One run at the clock's time. */
    public Run run() {
        return run(clock.instant());
    }

    /** One run as of {@code at}: what is due then is done, with {@code at} as the time of each change. */
    public Run run(Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS);
        Counter counter = new Counter();
        Map<String, Optional<Instance>> instancesSeen = new HashMap<>();
        for (int shard = 0; shard < timers.shards() && counter.dueRead < budget; shard++) {
            Optional<DueTicket> after = Optional.empty();
            List<DueTicket> due;
            do {
                due = timers.due(shard, now, Math.min(PAGE, budget - counter.dueRead), after);
                for (DueTicket ticket : due) {
                    counter.dueRead++;
                    Optional<Instance> instance = instancesSeen.computeIfAbsent(ticket.instanceId(),
                            id -> instances.find(id).filter(Instance::enabled));
                    if (instance.isEmpty()) {
                        counter.skipped++;
                        continue;
                    }
                    handle(instance.get(), ticket, now, counter);
                }
                after = due.isEmpty() ? after : Optional.of(due.get(due.size() - 1));
            } while (due.size() == PAGE && counter.dueRead < budget);
        }
        DomainMetrics.current().automationRun(counter.dueRead, counter.escalations, counter.idle);
        return new Run(counter.dueRead, counter.escalations, counter.idle, counter.reassigned, counter.skipped,
                counter.dueRead >= budget);
    }

    private static final class Counter {
        private int dueRead;
        private int escalations;
        private int idle;
        private int reassigned;
        private int skipped;
    }

    private void handle(Instance instance, DueTicket due, Instant now, Counter counter) {
        Optional<Ticket> current = tickets.findByNumber(due.instanceId(), due.ticketNumber());
        for (int step = 0, attempt = 1; step < MAX_STEPS && current.isPresent(); ) {
            // Each step a millisecond after the one before, so that the ticket's history lists them in order.
            Optional<Step> next = next(instance, current.get(), now.plusMillis(step));
            if (next.isEmpty()) {
                return;
            }
            try {
                tickets.change(new TicketChange(current.get(), next.get().ticket(), next.get().activity()));
            } catch (VersionConflictException concurrent) {
                // Someone changed the ticket since it was read: read it again and see what is still due.
                if (attempt++ >= TicketLifecycleService.MAX_ATTEMPTS) {
                    return;
                }
                TicketLifecycleService.backOff(attempt);
                current = tickets.findByNumber(due.instanceId(), due.ticketNumber());
                continue;
            }
            // What was written is the ticket now: the next step starts from it without reading it again.
            current = Optional.of(next.get().ticket());
            DomainMetrics.current().ticketChanged(next.get().activity().type());
            step++;
            if (next.get().activity().type() == ActivityType.escalation) {
                counter.escalations++;
            } else {
                counter.idle++;
                if (next.get().reassigned()) {
                    counter.reassigned++;
                }
            }
        }
    }

    /** One change the automation makes, with the activity that records it. */
    record Step(Ticket ticket, Activity activity, boolean reassigned) {
    }

    /**
     * The first thing due on {@code ticket} at {@code now}, in this order: the first-response target, the
     * resolution target, the idle timer. Empty when nothing is due (the index was behind, or another run did it).
     */
    static Optional<Step> next(Instance instance, Ticket ticket, Instant now) {
        if (SlaTimers.firstResponsePending(ticket) && !now.isBefore(ticket.frtDueOn())) {
            return Optional.of(escalation(ticket, now, "firstResponse", "isFrtEscalated", ticket.frtDueOn(),
                    ticket.toBuilder().isFrtEscalated(true)));
        }
        if (SlaTimers.resolutionPending(ticket) && !now.isBefore(ticket.rtDueOn())) {
            return Optional.of(escalation(ticket, now, "resolution", "isRtEscalated", ticket.rtDueOn(),
                    ticket.toBuilder().isRtEscalated(true)));
        }
        if (SlaTimers.idlePending(ticket) && !now.isBefore(ticket.idleDueOn())) {
            return Optional.of(idle(instance, ticket, now));
        }
        return Optional.empty();
    }

    private static Step escalation(Ticket ticket, Instant now, String target, String flag, Instant dueOn,
                                   Ticket.Builder changed) {
        ObjectNode details = Json.object();
        details.put("target", target);
        details.put("dueOn", DateTimeFormatter.ISO_INSTANT.format(dueOn));
        change(details.putArray("changes"), flag, Json.MAPPER.getNodeFactory().booleanNode(false),
                Json.MAPPER.getNodeFactory().booleanNode(true));
        Ticket next = changed.version(ticket.version() + 1).updated(User.AUTOMATION, now).build();
        return new Step(next, activity(ticket, ActivityType.escalation, now, details), false);
    }

    /**
     * An idle ticket: reassigned to the first of {@code idleTicketAssignedTo} (the ticket number picks one when
     * there are several, so idle tickets spread over them) when the instance says so and it is not theirs already.
     * Its idle timer stops until a person acts on it again.
     */
    private static Step idle(Instance instance, Ticket ticket, Instant now) {
        ObjectNode details = Json.object();
        details.put("idleSince", DateTimeFormatter.ISO_INSTANT.format(ticket.lastInteraction()));
        details.put("days", instance.daysBeforeIdle());
        ArrayNode changes = details.putArray("changes");
        Ticket.Builder next = ticket.toBuilder().version(ticket.version() + 1).idleDueOn(null)
                .updated(User.AUTOMATION, now);
        boolean reassigned = false;
        List<Persona> people = instance.idleTicketAssignedTo() == null ? List.of() : instance.idleTicketAssignedTo();
        if (Boolean.TRUE.equals(instance.isAutoAssignIdleTickets()) && !people.isEmpty()) {
            Persona chosen = people.get((int) Math.floorMod(ticket.ticketId(), (long) people.size()));
            User assignee = new User(chosen.id(), chosen.text(), chosen.secondaryText());
            if (!assignee.equals(ticket.assignee())) {
                change(changes, "assignee", ValueJson.user(ticket.assignee()), ValueJson.user(assignee));
                next.assignee(assignee);
                reassigned = true;
            }
        }
        details.put("reassigned", reassigned);
        return new Step(next.build(), activity(ticket, ActivityType.idle, now, details), reassigned);
    }

    private static void change(ArrayNode changes, String name, JsonNode from, JsonNode to) {
        ObjectNode change = changes.addObject();
        change.put("name", name);
        change.set("oldValue", from == null ? Json.MAPPER.nullNode() : from);
        change.set("newValue", to == null ? Json.MAPPER.nullNode() : to);
    }

    private static Activity activity(Ticket ticket, ActivityType type, Instant at, ObjectNode details) {
        return new Activity(ticket.instanceId(), ticket.ticketId(), ticket.id(), UUID.randomUUID().toString(), type,
                User.AUTOMATION, at, details);
    }
}
