package dev.ticketing.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.Json;
import dev.ticketing.model.Delivery;
import dev.ticketing.model.DeliveryAttempt;
import dev.ticketing.model.EventType;
import dev.ticketing.model.TicketEvent;
import dev.ticketing.model.Webhook;
import java.time.ZoneOffset;

/** Webhooks, their delivery attempts and the events they deliver, as JSON (docs/events.md). */
public final class WebhookJson {

    private WebhookJson() {
    }

    /** A subscription; {@code withSecret} only in the answer that creates it. */
    public static ObjectNode webhook(Webhook w, boolean withSecret) {
        ObjectNode n = Json.object();
        n.put("id", w.id());
        n.put("url", w.url());
        ArrayNode events = n.putArray("events");
        for (EventType type : EventType.values()) {
            if (w.wants(type)) {
                events.add(type.wireName());
            }
        }
        n.put("createdOn", TicketJson.dateTime(w.createdOn(), ZoneOffset.UTC));
        if (withSecret) {
            n.put("secret", w.secret());
        }
        return n;
    }

    public static ObjectNode attempt(DeliveryAttempt a) {
        ObjectNode n = Json.object();
        n.put("deliveryId", a.deliveryId());
        n.put("eventId", a.eventId());
        n.put("eventType", a.eventType().wireName());
        n.put("attempt", a.attempt());
        n.put("attemptedOn", TicketJson.dateTime(a.attemptedOn(), ZoneOffset.UTC));
        n.put("outcome", a.outcome().name());
        if (a.statusCode() == 0) {
            n.putNull("statusCode");
        } else {
            n.put("statusCode", a.statusCode());
        }
        n.put("durationMs", a.durationMs());
        n.put("error", a.error());
        n.put("nextAttemptOn", TicketJson.dateTime(a.nextAttemptOn(), ZoneOffset.UTC));
        return n;
    }

    public static ObjectNode delivery(Delivery d) {
        ObjectNode n = Json.object();
        n.put("deliveryId", d.deliveryId());
        n.put("webhookId", d.webhookId());
        n.put("eventId", d.eventId());
        n.put("eventType", d.eventType().wireName());
        n.put("queuedOn", TicketJson.dateTime(d.createdOn(), ZoneOffset.UTC));
        return n;
    }

    /** The body POSTed to a webhook: the ticket as GET /tickets/{id} renders it (in UTC), the comment for comments. */
    public static String event(TicketEvent e) {
        ObjectNode n = Json.object();
        n.put("id", e.id());
        n.put("type", e.type().wireName());
        n.put("occurredOn", TicketJson.dateTime(e.occurredOn(), ZoneOffset.UTC));
        n.put("instanceId", e.instanceId());
        n.set("ticket", TicketJson.ticket(e.ticket(), ZoneOffset.UTC));
        if (e.comment() != null) {
            n.set("comment", TicketJson.comment(e.comment(), ZoneOffset.UTC, false));
        }
        return Json.write(n);
    }
}
