package dev.ticketing.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.Json;
import dev.ticketing.service.WebhookDeliveryService;
import dev.ticketing.webhooks.sqs.DeliveryMessages;
import dev.ticketing.webhooks.sqs.SqsDeliveryQueue;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery function's work on one batch of SQS messages. The attempt number is the message's receive count. A
 * failed attempt makes the message visible again after the schedule's delay and is reported as a batch item failure
 * (Lambda then leaves the message alone), as are the later messages of its group in the batch, unattempted and
 * made visible again at once, so a group's order holds (template.yaml's batch size of 1 makes that moot in AWS). An
 * exhausted delivery is copied to the dead-letter queue and deleted from this one.
 */
public final class QueueDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDelivery.class);

    private final WebhookDeliveryService service;
    private final SqsDeliveryQueue queue;

    public QueueDelivery(WebhookDeliveryService service, SqsDeliveryQueue queue) {
        this.service = service;
        this.queue = queue;
    }

    /** Lambda's SQS event in, {@code {"batchItemFailures": [...]}} out. */
    public ObjectNode handle(JsonNode event) {
        ObjectNode response = Json.object();
        ArrayNode failures = response.putArray("batchItemFailures");
        Set<String> heldGroups = new HashSet<>();
        for (JsonNode record : event.path("Records")) {
            String messageId = record.path("messageId").asText();
            String group = record.path("attributes").path("MessageGroupId").asText("");
            if (heldGroups.contains(group)) {
                queue.retryLater(record.path("receiptHandle").asText(), Duration.ZERO);
                failures.addObject().put("itemIdentifier", messageId);
                continue;
            }
            try {
                DeliveryMessages.Message message = DeliveryMessages.parse(record.path("body").asText());
                int attempt = Math.max(1, record.path("attributes").path("ApproximateReceiveCount").asInt(1));
                WebhookDeliveryService.Next next = service.deliver(message.instanceId(), message.webhookId(),
                        message.deliveryId(), attempt);
                LOG.info("Delivery {} attempt {}: {}", message.deliveryId(), attempt, next);
                if (next instanceof WebhookDeliveryService.Next.RetryAfter retry) {
                    queue.retryLater(record.path("receiptHandle").asText(), retry.delay());
                    failures.addObject().put("itemIdentifier", messageId);
                    heldGroups.add(group);
                } else if (next instanceof WebhookDeliveryService.Next.Exhausted) {
                    queue.deadLetter(record.path("body").asText(), group.isEmpty() ? message.webhookId() : group,
                            message.deliveryId());
                }
            } catch (IllegalArgumentException e) {
                // Not a delivery message: retrying cannot help, so it goes the way of an exhausted one.
                LOG.error("Message {} is not a delivery; moved to the dead-letter queue", messageId);
                queue.deadLetter(record.path("body").asText(), group.isEmpty() ? "invalid" : group, messageId);
            } catch (RuntimeException e) {
                LOG.error("Delivering message {} failed; it is retried after its visibility timeout", messageId, e);
                failures.addObject().put("itemIdentifier", messageId);
                heldGroups.add(group);
            }
        }
        return response;
    }
}
