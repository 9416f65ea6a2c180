package dev.ticketing.webhooks.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.json.Json;
import dev.ticketing.model.Delivery;

/**
 * The body of a queued delivery: only the ids, since the event's body waits in the delivery record (which a
 * redelivery reuses). Its message group is the webhook and the ticket, so one receiver gets one ticket's events in
 * order, and a failing receiver holds back only its own.
 */
public final class DeliveryMessages {

    /** A parsed message body. */
    public record Message(String instanceId, String webhookId, String deliveryId) {
    }

    private DeliveryMessages() {
    }

    public static String body(Delivery delivery) {
        return Json.write(Json.object().put("instanceId", delivery.instanceId())
                .put("webhookId", delivery.webhookId()).put("deliveryId", delivery.deliveryId()));
    }

    public static String groupId(Delivery delivery) {
        return delivery.webhookId() + ":" + delivery.orderKey();
    }

    public static Message parse(String body) {
        JsonNode node;
        try {
            node = Json.parse(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a delivery message", e);
        }
        String instanceId = node.path("instanceId").asText("");
        String webhookId = node.path("webhookId").asText("");
        String deliveryId = node.path("deliveryId").asText("");
        if (instanceId.isEmpty() || webhookId.isEmpty() || deliveryId.isEmpty()) {
            throw new IllegalArgumentException("Not a delivery message");
        }
        return new Message(instanceId, webhookId, deliveryId);
    }
}
