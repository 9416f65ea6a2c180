package dev.ticketing.webhooks.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Stands in for Lambda's SQS event source mapping where there is no Lambda (tests, the sandbox): receives one
 * message (template.yaml's batch size), hands it to the delivery function as Lambda's event and deletes it unless
 * the answer names it as failed, as Lambda does with {@code ReportBatchItemFailures}.
 */
public final class QueuePoller {

    private final SqsClient sqs;
    private final String queueUrl;
    private final Function<JsonNode, JsonNode> handler;

    public QueuePoller(SqsClient sqs, String queueUrl, Function<JsonNode, JsonNode> handler) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.handler = handler;
    }

    /** One receive of one message, waiting up to {@code waitSeconds} for it; returns how many came. */
    public int pollOnce(int waitSeconds) {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(1)
                .waitTimeSeconds(waitSeconds).messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
        if (messages.isEmpty()) {
            return 0;
        }
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            record.putObject("messageAttributes");
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueUrl);
        }
        JsonNode answer = handler.apply(event);
        Set<String> failed = new HashSet<>();
        answer.path("batchItemFailures").forEach(failure -> failed.add(failure.path("itemIdentifier").asText()));
        for (Message message : messages) {
            if (!failed.contains(message.messageId())) {
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        return messages.size();
    }
}
