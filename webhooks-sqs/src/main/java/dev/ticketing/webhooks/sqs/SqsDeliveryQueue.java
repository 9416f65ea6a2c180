package dev.ticketing.webhooks.sqs;

import dev.ticketing.model.Delivery;
import dev.ticketing.service.DeliveryQueue;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The delivery queue on SQS FIFO: group = webhook and ticket, de-duplication id = delivery id. A retry makes the
 * message visible again after its delay (ChangeMessageVisibility, at most 12 hours); an exhausted delivery is copied
 * to the dead-letter queue (also FIFO) before the function lets Lambda delete it.
 */
public final class SqsDeliveryQueue implements DeliveryQueue {

    private final SqsClient sqs;
    private final String queueUrl;
    private final String deadLetterUrl;

    public SqsDeliveryQueue(SqsClient sqs, String queueUrl, String deadLetterUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.deadLetterUrl = deadLetterUrl;
    }

    @Override
    public void enqueue(Delivery delivery) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(DeliveryMessages.body(delivery))
                .messageGroupId(DeliveryMessages.groupId(delivery))
                .messageDeduplicationId(delivery.deliveryId()));
    }

    public void retryLater(String receiptHandle, Duration delay) {
        sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(receiptHandle)
                .visibilityTimeout((int) delay.toSeconds()));
    }

    public void deadLetter(String body, String groupId, String deduplicationId) {
        if (deadLetterUrl == null) {
            throw new IllegalStateException("No dead-letter queue is configured");
        }
        sqs.sendMessage(r -> r.queueUrl(deadLetterUrl).messageBody(body).messageGroupId(groupId)
                .messageDeduplicationId(deduplicationId));
    }
}
