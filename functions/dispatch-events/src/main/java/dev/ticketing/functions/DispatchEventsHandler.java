package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.json.Json;
import dev.ticketing.webhooks.StreamDispatch;
import dev.ticketing.webhooks.WebhookDependencies;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The table's stream (DynamoDB Streams event source, ReportBatchItemFailures) to webhook deliveries: each ticket or
 * comment change becomes events, queued once per subscribed webhook (docs/events.md). Reads the raw event, so
 * Lambda's own event serializer is never loaded.
 */
public final class DispatchEventsHandler implements RequestStreamHandler {

    private final StreamDispatch dispatch;

    public DispatchEventsHandler() {
        this(WebhookDependencies.dispatch());
    }

    public DispatchEventsHandler(StreamDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        Json.MAPPER.writeValue(output, dispatch.handle(event));
    }
}
