package dev.ticketing.service;

import dev.ticketing.model.Activity;
import dev.ticketing.model.Delivery;
import dev.ticketing.model.EventType;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.User;
import dev.ticketing.model.TicketEvent;
import dev.ticketing.model.Webhook;
import dev.ticketing.store.TicketStore;
import dev.ticketing.store.WebhookStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns changes of the table's stream into events (docs/events.md) and queues one delivery per event and subscribed
 * webhook. Every id is derived from the change, so a stream record dispatched twice queues the same deliveries again,
 * which the queue and the receivers' de-duplication absorb.
 */
public final class EventDispatchService {

    /** How long delivery records (and so redelivery) last. */
    public static final Duration RETENTION = Duration.ofDays(30);

    private final WebhookStore webhooks;
    private final TicketStore tickets;
    private final DeliveryQueue queue;
    private final Clock clock;

    public EventDispatchService(WebhookStore webhooks, TicketStore tickets, DeliveryQueue queue, Clock clock) {
        this.webhooks = webhooks;
        this.tickets = tickets;
        this.queue = queue;
        this.clock = clock;
    }

    /** The events one change makes, in the order they are delivered. */
    public List<TicketEvent> events(StreamChange change) {
        List<TicketEvent> events = new ArrayList<>();
        if (change.newComment() != null) {
            Activity comment = change.newComment();
            tickets.findByNumber(comment.instanceId(), comment.ticketId()).ifPresent(ticket -> events.add(
                    new TicketEvent(id(comment.instanceId(), "comment", comment.id(), EventType.COMMENT_ADDED),
                            EventType.COMMENT_ADDED, comment.createdOn(), comment.instanceId(), ticket,
                            comment.withTicketUuid(ticket.id()))));
            return events;
        }
        Ticket now = change.newTicket();
        if (now == null) {
            return events;
        }
        Ticket before = change.oldTicket();
        if (before == null) {
            events.add(ticketEvent(now, EventType.TICKET_CREATED, now.createdOn(), ""));
            return events;
        }
        if (!Objects.equals(before.lastUpdatedOn(), now.lastUpdatedOn())) {
            events.add(ticketEvent(now, EventType.TICKET_UPDATED, now.lastUpdatedOn(), ""));
        }
        if (before.status() != now.status()) {
            events.add(ticketEvent(now, EventType.TICKET_STATUS_CHANGED, now.lastUpdatedOn(), ""));
        }
        if (!Objects.equals(before.assignee(), now.assignee())) {
            events.add(ticketEvent(now, EventType.TICKET_ASSIGNED, now.lastUpdatedOn(), ""));
        }
        String escalations = (!before.isFrtEscalated() && now.isFrtEscalated() ? "frt" : "")
                + (!before.isRtEscalated() && now.isRtEscalated() ? "rt" : "");
        if (!escalations.isEmpty()) {
            events.add(ticketEvent(now, EventType.TICKET_ESCALATED, change.approximateTime(), escalations));
        }
        // The automation stops an idle ticket's timer when it handles it (docs/automation.md, "Idle tickets").
        if (before.idleDueOn() != null && now.idleDueOn() == null && User.AUTOMATION.equals(now.lastUpdatedBy())) {
            events.add(ticketEvent(now, EventType.TICKET_IDLE, now.lastUpdatedOn(), "idle"));
        }
        return events;
    }

    /**
     * Queues a delivery of each event to each webhook of its instance that subscribes to its type; {@code render}
     * gives an event's JSON body. Returns how many deliveries were queued.
     */
    public int dispatch(List<TicketEvent> events, Function<TicketEvent, String> render) {
        Map<String, List<Webhook>> byInstance = new HashMap<>();
        int queued = 0;
        Instant now = clock.instant();
        for (TicketEvent event : events) {
            List<Webhook> subscribed = byInstance.computeIfAbsent(event.instanceId(), webhooks::list).stream()
                    .filter(webhook -> webhook.wants(event.type())).toList();
            if (subscribed.isEmpty()) {
                continue;
            }
            String body = render.apply(event);
            for (Webhook webhook : subscribed) {
                Delivery delivery = new Delivery(event.instanceId(), webhook.id(),
                        uuid(event.id() + ":" + webhook.id()), event.id(), event.type(),
                        Long.toString(event.ticket().ticketId()), body, now, now.plus(RETENTION));
                webhooks.createDelivery(delivery);
                // Queued even when the record existed: the dispatch that wrote it may have failed before queueing.
                queue.enqueue(delivery);
                queued++;
            }
        }
        return queued;
    }

    private static TicketEvent ticketEvent(Ticket ticket, EventType type, Instant occurredOn, String detail) {
        return new TicketEvent(id(ticket.instanceId(), "ticket", ticket.ticketId() + ":" + ticket.version()
                + ":" + detail, type), type, occurredOn, ticket.instanceId(), ticket, null);
    }

    private static String id(String instanceId, String kind, String change, EventType type) {
        return uuid(instanceId + ":" + kind + ":" + change + ":" + type.wireName());
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
