package dev.ticketing.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.error.ConflictException;
import dev.ticketing.error.NotFoundException;
import dev.ticketing.error.PreconditionFailedException;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.Json;
import dev.ticketing.metrics.DomainMetrics;
import dev.ticketing.model.Activity;
import dev.ticketing.model.ActivityType;
import dev.ticketing.model.Instance;
import dev.ticketing.model.Status;
import dev.ticketing.model.StatusWorkflow;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.TicketTag;
import dev.ticketing.model.User;
import dev.ticketing.store.ActivityPage;
import dev.ticketing.store.IdempotencyKeyTakenException;
import dev.ticketing.store.IdempotencyRecord;
import dev.ticketing.store.InstanceStore;
import dev.ticketing.store.TagCategoryChangedException;
import dev.ticketing.store.TicketChange;
import dev.ticketing.store.TicketStore;
import dev.ticketing.store.VersionConflictException;
import dev.ticketing.validation.CustomFieldValidator;
import dev.ticketing.validation.Errors;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Changes existing tickets (fields, status, comments) and reads their history. Every change is read, applied,
 * and written with its activity in one transaction guarded by the ticket's version; a lost race re-reads and
 * re-applies the change, a bounded number of times, so no concurrent change is silently overwritten.
 */
public final class TicketLifecycleService {

    /** Enough for a burst of writers on one ticket; beyond it the caller gets a 409 and may retry. */
    static final int MAX_ATTEMPTS = 25;
    public static final int DEFAULT_ACTIVITY_LIMIT = 10;
    public static final int MAX_ACTIVITY_LIMIT = 1000;

    private final TicketStore tickets;
    private final InstanceStore instances;
    private final TicketService reader;
    private final Clock clock;

    public TicketLifecycleService(TicketStore tickets, InstanceStore instances, Clock clock) {
        this.tickets = tickets;
        this.instances = instances;
        this.reader = new TicketService(tickets, instances, clock);
        this.clock = clock;
    }

    /**
     * PUT /tickets/{ticketId}; {@code ifMatch} is the version the caller last saw, when it sent one. When a tag
     * category changed between validation and commit (deleted, or given one of the new texts by a concurrent
     * request), nothing was written, and the request is validated again against fresh categories.
     */
    public Ticket update(String instanceId, String ticketIdOrId, JsonNode body, OptionalLong ifMatch) {
        Instance instance = reader.enabledInstance(instanceId);
        for (int attempt = 1; ; attempt++) {
            TicketUpdate update = TicketRequests.parseUpdate(body, instance, instances.tagCategories(instanceId));
            try {
                return retrying(instanceId, ticketIdOrId, current -> updateChange(current, update, ifMatch)).ticket();
            } catch (TagCategoryChangedException changed) {
                if (attempt == TicketService.MAX_TAG_ATTEMPTS) {
                    throw new ConflictException("ConcurrentModification", "The tag categories of ticket "
                            + ticketIdOrId + " are being changed by many requests at once; retry the request.");
                }
            }
        }
    }

    private Change updateChange(Ticket current, TicketUpdate update, OptionalLong ifMatch) {
        if (ifMatch.isPresent() && ifMatch.getAsLong() != current.version()) {
            throw new PreconditionFailedException("Ticket " + current.ticketId() + " is at version "
                    + current.version() + ", not " + ifMatch.getAsLong() + "; GET it again and reapply.");
        }
        Instant now = now();
        TicketDraft draft = new TicketDraft(current);
        update.applyTo(draft);
        draft.lastUpdatedOn = now;
        draft.lastUpdatedBy = update.user();
        draft.lastInteraction = now;
        Ticket changed = draft.build();
        Errors errors = new Errors();
        CustomFieldValidator.checkTotal(changed.customFields(), "updates.customFields", errors);
        errors.throwIfAny();
        ObjectNode details = Json.object();
        details.set("changes", TicketDiff.changes(current, changed));
        return new Change(changed, activity(current, ActivityType.update, update.user(), now, details),
                update.newTags());
    }

    /** PUT|POST /tickets/{ticketId}/status; 409 naming the current status when the workflow forbids the move. */
    public Ticket changeStatus(String instanceId, String ticketIdOrId, JsonNode body) {
        reader.enabledInstance(instanceId);
        StatusChangeRequest request = TicketRequests.parseStatus(body);
        if (request.resolution() != null && !StatusWorkflow.resolves(request.status())) {
            throw new ValidationException("resolution", "can only be given when the status becomes Resolved or Closed");
        }
        return retrying(instanceId, ticketIdOrId, current -> {
            Status from = current.status();
            if (!StatusWorkflow.allows(from, request.status())) {
                throw new ConflictException("InvalidStatusTransition", "Ticket " + current.ticketId() + " is "
                        + from + "; it can move to " + StatusWorkflow.next(from).stream().map(Enum::name)
                        .collect(Collectors.joining(", ")) + ", not " + request.status() + ".");
            }
            Instant now = now();
            TicketDraft draft = new TicketDraft(current);
            draft.status = request.status();
            if (StatusWorkflow.resolves(request.status())) {
                if (request.resolution() != null) {
                    draft.resolution = request.resolution();
                }
                draft.lastResolutionComment = request.comment();
                draft.firstResolutionOn = draft.firstResolutionOn == null ? now : draft.firstResolutionOn;
                draft.lastResolutionOn = now;
            } else if (request.status() == Status.Reopened) {
                // A reopened ticket is unresolved again; the resolution dates keep its history.
                draft.resolution = null;
            }
            draft.lastUpdatedOn = now;
            draft.lastUpdatedBy = request.user();
            draft.interaction(request.user(), now);
            ObjectNode details = Json.object();
            details.put("from", from.name());
            details.put("to", request.status().name());
            details.put("resolution", request.resolution());
            details.put("comment", request.comment());
            return new Change(draft.build(), activity(current, ActivityType.statusChange, request.user(), now,
                    details));
        }).ticket();
    }

    /** POST /tickets/{ticketId}/activities (or /comments): the comment, as an activity. */
    public Activity addComment(String instanceId, String ticketIdOrId, JsonNode body) {
        reader.enabledInstance(instanceId);
        NewComment comment = TicketRequests.parseComment(body);
        return retrying(instanceId, ticketIdOrId, current -> commentChange(current, comment), change -> null)
                .activity();
    }

    /**
     * A comment post with an {@code Idempotency-Key}: the comment, the ticket's bookkeeping and
     * {@code render(comment)} are one transaction; a repeat within 24 hours gets that response back.
     */
    public Idempotency.Response addComment(String instanceId, String ticketIdOrId, JsonNode body,
                                           String idempotencyKey, Function<Activity, String> render) {
        reader.enabledInstance(instanceId);
        NewComment comment = TicketRequests.parseComment(body);
        String key = Idempotency.validKey(idempotencyKey);
        String hash = Idempotency.requestHash("POST /tickets/" + ticketIdOrId.strip() + "/comments", body);
        Optional<Idempotency.Response> earlier = Idempotency.replay(tickets, instanceId, key, hash, now());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            Change change = retrying(instanceId, ticketIdOrId, current -> commentChange(current, comment),
                    c -> Idempotency.record(instanceId, key, hash,
                            new Idempotency.Response(201, render.apply(c.activity())), c.activity().createdOn()));
            return new Idempotency.Response(201, render.apply(change.activity()));
        } catch (IdempotencyKeyTakenException concurrentRepeat) {
            return Idempotency.replay(tickets, instanceId, key, hash, now()).orElseThrow(() ->
                    new ConflictException("IdempotencyKeyInUse", "Retry the request."));
        }
    }

    private Change commentChange(Ticket current, NewComment comment) {
        Instant now = now();
        TicketDraft draft = new TicketDraft(current);
        draft.interaction(comment.user(), now);
        ObjectNode details = Json.object();
        details.put("comment", comment.comment());
        return new Change(draft.build(), activity(current, ActivityType.comment, comment.user(), now, details));
    }

    /** GET /tickets/{ticketId}/activities, oldest first. */
    public ActivityPage activities(String instanceId, String ticketIdOrId, int limit, String continuationToken) {
        if (limit < 1 || limit > MAX_ACTIVITY_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_ACTIVITY_LIMIT);
        }
        Ticket ticket = reader.get(instanceId, ticketIdOrId);
        return tickets.activities(instanceId, ticket.ticketId(), limit, continuationToken);
    }

    /** {@code newTags}: the tag texts the change brings to their categories, written in the same transaction. */
    private record Change(Ticket ticket, Activity activity, List<TicketTag> newTags) {

        Change(Ticket ticket, Activity activity) {
            this(ticket, activity, List.of());
        }
    }

    private Change retrying(String instanceId, String ticketIdOrId, Function<Ticket, Change> apply) {
        return retrying(instanceId, ticketIdOrId, apply, change -> null);
    }

    /** {@code idempotency} gives the record to write with the change, or null when the request had no key. */
    private Change retrying(String instanceId, String ticketIdOrId, Function<Ticket, Change> apply,
                            Function<Change, IdempotencyRecord> idempotency) {
        for (int attempt = 1; ; attempt++) {
            Ticket current = reader.find(instanceId, ticketIdOrId)
                    .orElseThrow(() -> new NotFoundException("Ticket " + ticketIdOrId + " does not exist."));
            Change change = apply.apply(current);
            try {
                tickets.change(new TicketChange(change.ticket(), current.version(), change.activity(),
                        idempotency.apply(change), change.newTags()));
                DomainMetrics.current().ticketChanged(change.activity().type());
                return change;
            } catch (VersionConflictException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new ConflictException("ConcurrentModification", "Ticket " + current.ticketId()
                            + " is being changed by many requests at once; retry the request.");
                }
                backOff(attempt);
            }
        }
    }

    /** Random, growing pauses spread competing writers apart, so each retry is likely to win. */
    static void backOff(int attempt) {
        DomainMetrics.current().writeConflictRetried();
        long capMillis = Math.min(200, 5L << Math.min(attempt, 6));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(capMillis + 1) * 1_000_000);
    }

    private static Activity activity(Ticket ticket, ActivityType type, User user, Instant at,
                                     ObjectNode details) {
        return new Activity(ticket.instanceId(), ticket.ticketId(), UUID.randomUUID().toString(), type, user, at,
                details);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
