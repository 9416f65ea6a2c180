package dev.ticketing.model;

import java.time.Instant;
import java.util.Set;

/**
 * A webhook subscription of one instance: where to POST which events, and the secret that signs them. The secret is
 * kept because an HMAC needs it to sign (docs/events.md, "The secret"); only the creation answer ever shows it.
 *
 * @param events the event types delivered, by their wire names; never empty
 */
public record Webhook(String instanceId, String id, String url, Set<EventType> events, String secret,
                      Instant createdOn) {

    public Webhook {
        events = Set.copyOf(events);
    }

    public boolean wants(EventType type) {
        return events.contains(type);
    }
}
