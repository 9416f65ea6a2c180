package dev.ticketing.store;

import dev.ticketing.model.Delivery;
import dev.ticketing.model.DeliveryAttempt;
import dev.ticketing.model.Webhook;
import java.util.List;
import java.util.Optional;

/** The storage port of webhook subscriptions, their deliveries and the attempts made (docs/data-model.md). */
public interface WebhookStore {

    /** Stores a new subscription. */
    void create(Webhook webhook);

    /** The instance's subscriptions, oldest first (at most a few: docs/events.md, "Limits"). */
    List<Webhook> list(String instanceId);

    Optional<Webhook> find(String instanceId, String webhookId);

    /** Deletes the subscription; false when it did not exist. Its delivery records expire by themselves. */
    boolean delete(String instanceId, String webhookId);

    /** Stores a delivery unless one with its id exists (a re-dispatch of the same change); true when stored. */
    boolean createDelivery(Delivery delivery);

    Optional<Delivery> findDelivery(String instanceId, String webhookId, String deliveryId);

    void recordAttempt(DeliveryAttempt attempt);

    /** A webhook's attempts, most recent first; the token comes from the previous page. */
    Page<DeliveryAttempt> attempts(String instanceId, String webhookId, int limit, String continuationToken);
}
