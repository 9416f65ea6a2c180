package dev.ticketing.webhooks.local;

import dev.ticketing.config.Config;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The delivery queue and its dead-letter queue on a local engine, as template.yaml declares them (FIFO, explicit
 * de-duplication ids); for tests and the sandbox.
 */
public record LocalQueues(String queueUrl, String deadLetterUrl) {

    /** Creates (or finds) {@code <prefix>-deliveries.fifo} and {@code <prefix>-dead-letters.fifo}. */
    public static LocalQueues create(SqsClient sqs, String prefix) {
        Map<QueueAttributeName, String> fifo = new HashMap<>();
        fifo.put(QueueAttributeName.FIFO_QUEUE, "true");
        fifo.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false");
        String deadLetters = sqs.createQueue(r -> r.queueName(prefix + "-dead-letters.fifo").attributes(fifo))
                .queueUrl();
        String deliveries = sqs.createQueue(r -> r.queueName(prefix + "-deliveries.fifo").attributes(fifo))
                .queueUrl();
        return new LocalQueues(deliveries, deadLetters);
    }

    /** What a function's environment holds for these queues on the engine at {@code endpoint}. */
    public Map<String, String> environment(URI endpoint) {
        return Map.of(Config.WEBHOOK_QUEUE_URL, queueUrl, Config.WEBHOOK_DLQ_URL, deadLetterUrl,
                Config.SQS_ENDPOINT, endpoint.toString());
    }
}
