package dev.ticketing.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.error.ConflictException;
import dev.ticketing.error.ErrorCode;
import dev.ticketing.error.NotFoundException;
import dev.ticketing.metrics.DomainMetrics;
import dev.ticketing.model.Activity;
import dev.ticketing.model.ActivityType;
import dev.ticketing.model.Instance;
import dev.ticketing.model.Status;
import dev.ticketing.model.TagCategory;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.User;
import dev.ticketing.store.AlreadyExistsException;
import dev.ticketing.store.IdempotencyRecord;
import dev.ticketing.store.InstanceStore;
import dev.ticketing.store.RoundRobinTurn;
import dev.ticketing.store.RoundRobinTurnTakenException;
import dev.ticketing.store.TagCategoryChangedException;
import dev.ticketing.store.TicketCreation;
import dev.ticketing.store.TicketNumberTakenException;
import dev.ticketing.store.WriteConflictException;
import dev.ticketing.store.TicketStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Creates and reads tickets of one instance at a time. */
public final class TicketService {

    private static final Pattern TICKET_NUMBER = Pattern.compile("[0-9]{1,18}");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    static final int MAX_NUMBER_ATTEMPTS = 5;
    /** After a category changed, its texts are usually no longer new, so one retry suffices; the bound guards loops. */
    static final int MAX_TAG_ATTEMPTS = 10;
    /**
     * Concurrent creates under one round-robin rule take its turns one at a time: each attempt that loses reads the
     * next turn, so a burst of n creates needs up to n attempts for the last one.
     */
    static final int MAX_TURN_ATTEMPTS = 100;

    private final TicketStore tickets;
    private final InstanceStore instances;
    private final InstanceService callers;
    private final Clock clock;

    public TicketService(TicketStore tickets, InstanceStore instances, Clock clock) {
        this.tickets = tickets;
        this.instances = instances;
        this.callers = new InstanceService(instances);
        this.clock = clock;
    }

    /**
     * Validates the request against the instance's definitions, then stores the ticket, its activity and the tag
     * texts it brings to their categories.
     */
    public Ticket create(String instanceId, JsonNode body) {
        return write(instanceId, body, ZoneOffset.UTC, ticket -> null).ticket();
    }

    /**
     * POST /tickets: creates the ticket and answers {@code render(ticket)}. With an {@code Idempotency-Key}, the
     * answer is stored in the ticket's transaction and a repeat within 24 hours gets it back ({@link Idempotency}).
     */
    public Idempotency.Response create(String instanceId, JsonNode body, Optional<String> idempotencyKey,
                                       Function<Ticket, Idempotency.Response> render) {
        return create(instanceId, body, ZoneOffset.UTC, idempotencyKey, render);
    }

    /** As above; a date-only {@code expectedDate} is midnight at {@code dateOffset}, the request's timezone. */
    public Idempotency.Response create(String instanceId, JsonNode body, ZoneOffset dateOffset,
                                       Optional<String> idempotencyKey, Function<Ticket, Idempotency.Response> render) {
        return Idempotency.once(tickets, instanceId, "POST /tickets", body, idempotencyKey, now(),
                record -> write(instanceId, body, dateOffset, record).ticket(), render);
    }

    /**
     * Validates and writes the ticket. A taken number is skipped for the next one. When a tag category changed
     * between validation and commit (deleted, or given one of the new texts by a concurrent request), nothing was
     * written: the request is validated again against fresh categories and written under the same number, which
     * the counter never hands out twice. {@code idempotency} gives the record to write, or null without a key.
     */
    private TicketCreation write(String instanceId, JsonNode body, ZoneOffset dateOffset,
                                 Function<Ticket, IdempotencyRecord> idempotency) {
        Parsed request = parse(instanceId, body, dateOffset);
        long number = tickets.nextTicketNumber(instanceId);
        int numberAttempts = 1;
        int conflictAttempts = 1;
        int turnAttempts = 1;
        for (int tagAttempt = 1; ; ) {
            TicketCreation creation = creation(instanceId, number, request, idempotency);
            try {
                tickets.create(creation);
                DomainMetrics.current().ticketCreated();
                return creation;
            } catch (WriteConflictException conflict) {
                // Nothing was written; a concurrent repeat of this request usually commits meanwhile, and the
                // retry then finds its idempotency record and replays it.
                if (conflictAttempts++ >= TicketLifecycleService.MAX_ATTEMPTS) {
                    throw new ConflictException(ErrorCode.ConcurrentModification,
                            "This ticket met concurrent writes too many times; retry the request.");
                }
                TicketLifecycleService.backOff(conflictAttempts);
            } catch (RoundRobinTurnTakenException taken) {
                // Another ticket took this turn first; the next attempt reads the turn after it.
                if (turnAttempts++ >= MAX_TURN_ATTEMPTS) {
                    throw new ConflictException(ErrorCode.ConcurrentModification, "Many tickets are being assigned "
                            + "by the same round-robin rule at once; retry the request.");
                }
                TicketLifecycleService.backOff(Math.min(turnAttempts, 4));
            } catch (AlreadyExistsException e) {
                throw new ConflictException(ErrorCode.TicketAlreadyExists, e.getMessage() + "; retry the request.");
            } catch (TicketNumberTakenException taken) {
                giveUpAfter(numberAttempts++, taken);
                number = tickets.nextTicketNumber(instanceId);
            } catch (TagCategoryChangedException changed) {
                if (tagAttempt++ >= MAX_TAG_ATTEMPTS) {
                    throw new ConflictException(ErrorCode.ConcurrentModification, "The tag categories of this ticket "
                            + "are being changed by many requests at once; retry the request.");
                }
                request = parse(instanceId, body, dateOffset);
            }
        }
    }

    /** A taken number is skipped for the next one; the bound only guards against a counter that is badly behind. */
    private static void giveUpAfter(int attempt, TicketNumberTakenException taken) {
        if (attempt >= MAX_NUMBER_ATTEMPTS) {
            throw new ConflictException(ErrorCode.TicketAlreadyExists, taken.getMessage() + "; retry the request.");
        }
    }

    /** A validated request as the client sent it, and what the instance's assignment rules make of it. */
    private record Parsed(Instance instance, NewTicket asSent, AssignmentRules.Outcome rules) {
    }

    private Parsed parse(String instanceId, JsonNode body, ZoneOffset dateOffset) {
        Instance instance = enabledInstance(instanceId);
        List<TagCategory> categories = instances.tagCategories(instanceId);
        NewTicket request = TicketRequests.parseCreate(body, instance, categories, dateOffset);
        return new Parsed(instance, request, AssignmentRules.apply(instance, request, categories));
    }

    /**
     * The ticket as the rules left it; with a round-robin, the turn is read for each attempt, so a retry after
     * another ticket took the turn takes the next one.
     */
    private TicketCreation creation(String instanceId, long number, Parsed parsed,
                                    Function<Ticket, IdempotencyRecord> idempotency) {
        Instant now = now();
        AssignmentRules.Outcome rules = parsed.rules();
        NewTicket request = rules.ticket();
        RoundRobinTurn turn = null;
        User assignee = request.assignee();
        if (rules.roundRobin() != null) {
            turn = new RoundRobinTurn(rules.roundRobin().id(),
                    tickets.roundRobinTurn(instanceId, rules.roundRobin().id()));
            assignee = rules.assigneeAt(turn.turn());
        }
        // Its service-level targets and idle timer follow from what the rules made of it (its priority).
        Ticket ticket = ServiceLevels.created(parsed.instance(), ticket(instanceId, UUID.randomUUID().toString(),
                number, request, assignee, now));
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("status", Status.Open.name());
        details.put("title", ticket.title());
        Activity created = new Activity(instanceId, number, ticket.id(), UUID.randomUUID().toString(),
                ActivityType.created, request.user(), now, details);
        Activity automation = null;
        if (rules.matched()) {
            Ticket asSent = ticket(instanceId, ticket.id(), number, parsed.asSent(), parsed.asSent().assignee(), now);
            // One millisecond after the creation, so that the history lists it after the "created" activity.
            automation = new Activity(instanceId, number, ticket.id(), UUID.randomUUID().toString(),
                    ActivityType.update, User.AUTOMATION, now.plusMillis(1),
                    rules.details(TicketDiff.changes(asSent, ticket)));
        }
        return new TicketCreation(ticket, created, idempotency.apply(ticket), request.newTags(), automation, turn);
    }

    private static Ticket ticket(String instanceId, String id, long number, NewTicket request, User assignee,
                                 Instant now) {
        return Ticket.builder().instanceId(instanceId).id(id).ticketId(number)
                .title(request.title()).description(request.description())
                .descriptionHtml(request.descriptionHtml()).status(Status.Open)
                .priority(request.priority()).requestor(request.requestor()).assignee(assignee)
                .expectedDate(request.expectedDate()).customFields(request.customFields()).tags(request.tags())
                .createdOn(now).createdBy(request.user()).lastUpdatedOn(now).lastUpdatedBy(request.user())
                .lastInteraction(now).version(1).build();
    }

    /** Finds a ticket by its number ({@code 42}) or its UUID; 404 also for another instance's ticket. */
    public Ticket get(String instanceId, String ticketIdOrId) {
        enabledInstance(instanceId);
        return find(instanceId, ticketIdOrId)
                .orElseThrow(() -> new NotFoundException("Ticket " + ticketIdOrId + " does not exist."));
    }

    Optional<Ticket> find(String instanceId, String ticketIdOrId) {
        String key = ticketIdOrId == null ? "" : ticketIdOrId.strip();
        if (TICKET_NUMBER.matcher(key).matches()) {
            return tickets.findByNumber(instanceId, Long.parseLong(key));
        }
        if (UUID_TEXT.matcher(key).matches()) {
            return tickets.findById(instanceId, key.toLowerCase(java.util.Locale.ROOT));
        }
        return Optional.empty();
    }

    /** The caller's instance, checked as on every route ({@link InstanceService#get}). */
    Instance enabledInstance(String instanceId) {
        return callers.get(instanceId);
    }

    /** Millisecond precision: what is stored is exactly what is returned. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
