package dev.ticketing.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.error.ConflictException;
import dev.ticketing.error.ErrorCode;
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
import dev.ticketing.store.Page;
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
import java.time.ZoneOffset;
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
        return update(instanceId, ticketIdOrId, body, ifMatch, ZoneOffset.UTC);
    }

    /** As above; a date-only {@code expectedDate} is midnight at {@code dateOffset}, the request's timezone. */
    public Ticket update(String instanceId, String ticketIdOrId, JsonNode body, OptionalLong ifMatch,
                         ZoneOffset dateOffset) {
        Instance instance = reader.enabledInstance(instanceId);
        for (int attempt = 1; ; attempt++) {
            TicketUpdate update = TicketRequests.parseUpdate(body, instance, instances.tagCategories(instanceId),
                    dateOffset);
            try {
                return retrying(instance, ticketIdOrId, current -> updateChange(current, update, ifMatch)).ticket();
            } catch (TagCategoryChangedException changed) {
                if (attempt == TicketService.MAX_TAG_ATTEMPTS) {
                    throw new ConflictException(ErrorCode.ConcurrentModification, "The tag categories of ticket "
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
        Ticket.Builder draft = nextVersion(current);
        update.applyTo(draft);
        Ticket changed = draft.updated(update.user(), now).lastInteraction(now).build();
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
        Instance instance = reader.enabledInstance(instanceId);
        StatusChangeRequest request = TicketRequests.parseStatus(body);
        if (request.resolution() != null && !StatusWorkflow.resolves(request.status())) {
            throw new ValidationException("resolution", "can only be given when the status becomes Resolved or Closed");
        }
        return retrying(instance, ticketIdOrId, current -> {
            Status from = current.status();
            if (!StatusWorkflow.allows(from, request.status())) {
                throw new ConflictException(ErrorCode.InvalidStatusTransition, "Ticket " + current.ticketId() + " is "
                        + from + "; it can move to " + StatusWorkflow.next(from).stream().map(Enum::name)
                        .collect(Collectors.joining(", ")) + ", not " + request.status() + ".");
            }
            Instant now = now();
            Ticket.Builder draft = nextVersion(current).status(request.status());
            if (StatusWorkflow.resolves(request.status())) {
                if (request.resolution() != null) {
                    draft.resolution(request.resolution());
                }
                draft.lastResolutionComment(request.comment())
                        .firstResolutionOn(draft.firstResolutionOn() == null ? now : draft.firstResolutionOn())
                        .lastResolutionOn(now);
            } else if (request.status() == Status.Reopened) {
                // A reopened ticket is unresolved again; the resolution dates keep its history.
                draft.resolution(null);
            }
            draft.updated(request.user(), now).interaction(request.user(), now);
            if (StatusWorkflow.respondsFirst(request.status())) {
                draft.firstResponse(now);
            }
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
        Instance instance = reader.enabledInstance(instanceId);
        NewComment comment = TicketRequests.parseComment(body);
        return retrying(instance, ticketIdOrId, current -> commentChange(current, comment), change -> null)
                .activity();
    }

    /**
     * A comment post answered with {@code render(comment)}. With an {@code Idempotency-Key}, the comment, the
     * ticket's bookkeeping and the answer are one transaction; a repeat within 24 hours gets that answer back.
     */
    public Idempotency.Response addComment(String instanceId, String ticketIdOrId, JsonNode body,
                                           Optional<String> idempotencyKey,
                                           Function<Activity, Idempotency.Response> render) {
        Instance instance = reader.enabledInstance(instanceId);
        NewComment comment = TicketRequests.parseComment(body);
        return Idempotency.once(tickets, instanceId, "POST /tickets/" + ticketIdOrId.strip() + "/comments", body,
                idempotencyKey, now(), record -> retrying(instance, ticketIdOrId,
                        current -> commentChange(current, comment), change -> record.apply(change.activity()))
                        .activity(), render);
    }

    private Change commentChange(Ticket current, NewComment comment) {
        Instant now = now();
        Ticket.Builder draft = nextVersion(current).updated(comment.user(), now).interaction(comment.user(), now);
        ObjectNode details = Json.object();
        details.put("comment", comment.comment());
        if (comment.commentHtml() != null) {
            details.put("comment_HTML", comment.commentHtml());
        }
        details.put("isPrivate", comment.isPrivate());
        return new Change(draft.build(), activity(current, ActivityType.comment, comment.user(), now, details));
    }

    /** GET /tickets/{ticketId}/activities: newest first, as the live API answers, or oldest first. */
    public Page<Activity> activities(String instanceId, String ticketIdOrId, PageRequest page, boolean oldestFirst) {
        Ticket ticket = reader.get(instanceId, ticketIdOrId);
        Page<Activity> stored = StoreFailures.translated(() -> tickets.activities(instanceId, ticket.ticketId(),
                page.limit(), page.continuationToken().orElse(null), oldestFirst));
        // Activities stored before they kept the ticket's id get it from the ticket they belong to.
        return new Page<>(stored.items().stream()
                .map(a -> a.ticketUuid() == null ? a.withTicketUuid(ticket.id()) : a).toList(),
                stored.continuationToken());
    }

    /** {@code newTags}: the tag texts the change brings to their categories, written in the same transaction. */
    private record Change(Ticket ticket, Activity activity, List<TicketTag> newTags) {

        Change(Ticket ticket, Activity activity) {
            this(ticket, activity, List.of());
        }
    }

    private Change retrying(Instance instance, String ticketIdOrId, Function<Ticket, Change> apply) {
        return retrying(instance, ticketIdOrId, apply, change -> null);
    }

    /** {@code idempotency} gives the record to write with the change, or null when the request had no key. */
    private Change retrying(Instance instance, String ticketIdOrId, Function<Ticket, Change> apply,
                            Function<Change, IdempotencyRecord> idempotency) {
        for (int attempt = 1; ; attempt++) {
            Ticket current = reader.find(instance.id(), ticketIdOrId)
                    .orElseThrow(() -> new NotFoundException("Ticket " + ticketIdOrId + " does not exist."));
            Change proposed = apply.apply(current);
            Change change = new Change(ServiceLevels.changed(instance, current, proposed.ticket(),
                    proposed.activity().createdOn()), proposed.activity(), proposed.newTags());
            try {
                tickets.change(new TicketChange(current, change.ticket(), change.activity(),
                        idempotency.apply(change), change.newTags()));
                DomainMetrics.current().ticketChanged(change.activity().type());
                return change;
            } catch (VersionConflictException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new ConflictException(ErrorCode.ConcurrentModification, "Ticket " + current.ticketId()
                            + " is being changed by many requests at once; retry the request.");
                }
                backOff(attempt);
            }
        }
    }

    /** The next version of {@code current}: one more than the version it was read at. */
    private static Ticket.Builder nextVersion(Ticket current) {
        return current.toBuilder().version(current.version() + 1);
    }

    /** Random, growing pauses spread competing writers apart, so each retry is likely to win. */
    static void backOff(int attempt) {
        DomainMetrics.current().writeConflictRetried();
        long capMillis = Math.min(200, 5L << Math.min(attempt, 6));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(capMillis + 1) * 1_000_000);
    }

    private static Activity activity(Ticket ticket, ActivityType type, User user, Instant at,
                                     ObjectNode details) {
        return new Activity(ticket.instanceId(), ticket.ticketId(), ticket.id(), UUID.randomUUID().toString(), type,
                user, at, details);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
