package dev.ticketing.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.error.ConflictException;
import dev.ticketing.error.ErrorCode;
import dev.ticketing.error.NotFoundException;
import dev.ticketing.model.Delivery;
import dev.ticketing.model.DeliveryAttempt;
import dev.ticketing.model.EventType;
import dev.ticketing.model.Webhook;
import dev.ticketing.store.Page;
import dev.ticketing.store.WebhookStore;
import dev.ticketing.validation.Errors;
import dev.ticketing.validation.FieldReader;
import dev.ticketing.validation.WebhookUrls;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The webhook routes: subscriptions, their delivery attempts, and redelivery (docs/events.md). */
public final class WebhookService {

    /** Subscriptions one instance may have (docs/events.md, "Limits"). */
    public static final int MAX_WEBHOOKS = 10;
    private static final Set<String> FIELDS = Set.of("url", "events");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookStore store;
    private final DeliveryQueue queue;
    private final WebhookUrls urls;
    private final Clock clock;

    public WebhookService(WebhookStore store, DeliveryQueue queue, WebhookUrls urls, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.urls = urls;
        this.clock = clock;
    }

    /** POST /webhooks: the new subscription, with its secret (the only time it is shown). */
    public Webhook create(String instanceId, JsonNode body) {
        Errors errors = new Errors();
        if (body == null || !body.isObject()) {
            errors.add("body", "must be a JSON object with url and, optionally, events");
            errors.throwIfAny();
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(name, "is not a known field; expected url and, optionally, events");
            }
        });
        String url = FieldReader.requiredText(body.get("url"), "url", WebhookUrls.MAX_LENGTH, errors);
        Set<EventType> events = events(body.get("events"), errors);
        if (url != null) {
            urls.refusal(url).ifPresent(reason -> errors.add("url", reason));
        }
        errors.throwIfAny();
        if (store.list(instanceId).size() >= MAX_WEBHOOKS) {
            throw new ConflictException(ErrorCode.WebhookLimitReached);
        }
        // Milliseconds, as stored: the creation answer and later lists show the same time.
        Webhook webhook = new Webhook(instanceId, UUID.randomUUID().toString(), url, events, newSecret(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        StoreFailures.translated(() -> store.create(webhook));
        return webhook;
    }

    /** GET /webhooks: the instance's subscriptions, oldest first. */
    public List<Webhook> list(String instanceId) {
        return store.list(instanceId);
    }

    /** DELETE /webhooks/{webhookId}. */
    public void delete(String instanceId, String webhookId) {
        if (!isUuid(webhookId) || !store.delete(instanceId, normal(webhookId))) {
            throw notFound(webhookId);
        }
    }

    /** GET /webhooks/{webhookId}/deliveries: its attempts, most recent first. */
    public Page<DeliveryAttempt> attempts(String instanceId, String webhookId, PageRequest page) {
        Webhook webhook = webhook(instanceId, webhookId);
        return StoreFailures.translated(() -> store.attempts(instanceId, webhook.id(), page.limit(),
                page.continuationToken().orElse(null)));
    }

    /** POST /webhooks/{webhookId}/deliveries/{deliveryId}/redeliver: the same event again, as a new delivery. */
    public Delivery redeliver(String instanceId, String webhookId, String deliveryId) {
        Webhook webhook = webhook(instanceId, webhookId);
        Optional<Delivery> found = isUuid(deliveryId)
                ? store.findDelivery(instanceId, webhook.id(), normal(deliveryId)) : Optional.empty();
        Delivery original = found
                .orElseThrow(() -> new NotFoundException("Delivery " + deliveryId + " of webhook " + webhookId
                        + " does not exist or has expired; list its deliveries with GET /webhooks/{id}/deliveries"));
        Instant now = clock.instant();
        Delivery again = new Delivery(instanceId, webhook.id(), UUID.randomUUID().toString(), original.eventId(),
                original.eventType(), original.orderKey(), original.body(), now,
                now.plus(EventDispatchService.RETENTION));
        store.createDelivery(again);
        queue.enqueue(again);
        return again;
    }

    private Webhook webhook(String instanceId, String webhookId) {
        return (isUuid(webhookId) ? store.find(instanceId, normal(webhookId)) : Optional.<Webhook>empty())
                .orElseThrow(() -> notFound(webhookId));
    }

    private static NotFoundException notFound(String webhookId) {
        return new NotFoundException("Webhook " + webhookId + " does not exist; list them with GET /webhooks");
    }

    private static Set<EventType> events(JsonNode node, Errors errors) {
        if (node == null || node.isNull()) {
            return EnumSet.allOf(EventType.class);
        }
        String known = Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.joining(", "));
        if (!node.isArray() || node.isEmpty()) {
            errors.add("events", "must be a non-empty array of event types: " + known);
            return Set.of();
        }
        Set<EventType> events = EnumSet.noneOf(EventType.class);
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            Optional<EventType> type = item.isTextual() ? EventType.ofWireName(item.asText()) : Optional.empty();
            if (type.isEmpty()) {
                errors.add("events[" + i + "]", "is not an event type; expected one of " + known);
            } else {
                events.add(type.get());
            }
        }
        return events;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean isUuid(String id) {
        try {
            return id != null && UUID.fromString(id.strip()).toString().equals(normal(id));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normal(String id) {
        return id.strip().toLowerCase(Locale.ROOT);
    }
}
