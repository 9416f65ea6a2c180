package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.json.Json;
import dev.ticketing.webhooks.QueueDelivery;
import dev.ticketing.webhooks.WebhookDependencies;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Webhook deliveries from the SQS FIFO queue (event source with ReportBatchItemFailures): one signed POST per
 * message, retried with backoff through the message's visibility, then the dead-letter queue (docs/events.md).
 */
public final class DeliverWebhooksHandler implements RequestStreamHandler {

    private final QueueDelivery delivery;

    public DeliverWebhooksHandler() {
        this(WebhookDependencies.delivery());
    }

    public DeliverWebhooksHandler(QueueDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        Json.MAPPER.writeValue(output, delivery.handle(event));
    }
}
