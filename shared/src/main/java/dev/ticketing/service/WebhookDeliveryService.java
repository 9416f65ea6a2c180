package dev.ticketing.service;

import dev.ticketing.model.Delivery;
import dev.ticketing.model.DeliveryAttempt;
import dev.ticketing.model.Webhook;
import dev.ticketing.store.WebhookStore;
import dev.ticketing.validation.WebhookUrls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Makes one attempt of one queued delivery: checks the URL again (after resolving it now), POSTs the signed event,
 * records the attempt and says what the queue should do next (docs/events.md, "Delivery").
 */
public final class WebhookDeliveryService {

    public static final String DELIVERY_HEADER = "X-Ticketing-Delivery";
    public static final String EVENT_HEADER = "X-Ticketing-Event";
    public static final String EVENT_ID_HEADER = "X-Ticketing-Event-Id";
    private static final int MAX_ERROR_LENGTH = 500;

    /** What the queue does with the delivery after an attempt. */
    public sealed interface Next {
        /** Delivered, or nothing left to deliver (the webhook or the delivery record is gone): remove it. */
        record Done() implements Next {
        }

        /** Make it visible again after {@code delay}. */
        record RetryAfter(Duration delay) implements Next {
        }

        /** Every attempt failed: move it to the dead-letter queue. */
        record Exhausted() implements Next {
        }
    }

    private final WebhookStore store;
    private final WebhookTransport transport;
    private final WebhookUrls urls;
    private final RetrySchedule schedule;
    private final Clock clock;

    public WebhookDeliveryService(WebhookStore store, WebhookTransport transport, WebhookUrls urls,
                                  RetrySchedule schedule, Clock clock) {
        this.store = store;
        this.transport = transport;
        this.urls = urls;
        this.schedule = schedule;
        this.clock = clock;
    }

    public RetrySchedule schedule() {
        return schedule;
    }

    /** Attempt number {@code attempt} (1 for the first) of the delivery; the attempt is recorded before returning. */
    public Next deliver(String instanceId, String webhookId, String deliveryId, int attempt) {
        Optional<Webhook> webhook = store.find(instanceId, webhookId);
        Optional<Delivery> delivery = webhook.flatMap(w -> store.findDelivery(instanceId, webhookId, deliveryId));
        if (delivery.isEmpty()) {
            return new Next.Done();
        }
        Delivery d = delivery.get();
        Instant attemptedOn = clock.instant();
        long started = System.nanoTime();
        WebhookTransport.Response response = urls.refusal(webhook.get().url())
                .map(reason -> new WebhookTransport.Response(0, "not delivered: the URL " + reason))
                .orElseGet(() -> transport.post(webhook.get().url(), headers(webhook.get(), d, attemptedOn),
                        d.body()));
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        boolean delivered = response.statusCode() >= 200 && response.statusCode() < 300;
        Optional<Duration> retry = delivered ? Optional.empty() : schedule.after(attempt);
        DeliveryAttempt.Outcome outcome = delivered ? DeliveryAttempt.Outcome.succeeded
                : retry.isPresent() ? DeliveryAttempt.Outcome.retrying : DeliveryAttempt.Outcome.failed;
        String error = delivered ? null : response.error() != null ? response.error()
                : "the receiver answered HTTP " + response.statusCode();
        if (error != null && error.length() > MAX_ERROR_LENGTH) {
            error = error.substring(0, MAX_ERROR_LENGTH);
        }
        store.recordAttempt(new DeliveryAttempt(instanceId, webhookId, deliveryId, d.eventId(), d.eventType(),
                attempt, attemptedOn, response.statusCode(), durationMs, error, outcome,
                retry.map(attemptedOn::plus).orElse(null), attemptedOn.plus(EventDispatchService.RETENTION)));
        if (delivered) {
            return new Next.Done();
        }
        return retry.<Next>map(Next.RetryAfter::new).orElseGet(Next.Exhausted::new);
    }

    private static Map<String, String> headers(Webhook webhook, Delivery delivery, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Ticketing-Webhooks/1");
        headers.put(WebhookSignatures.HEADER, WebhookSignatures.header(webhook.secret(), now.getEpochSecond(),
                delivery.body()));
        headers.put(DELIVERY_HEADER, delivery.deliveryId());
        headers.put(EVENT_HEADER, delivery.eventType().wireName());
        headers.put(EVENT_ID_HEADER, delivery.eventId());
        return headers;
    }
}
