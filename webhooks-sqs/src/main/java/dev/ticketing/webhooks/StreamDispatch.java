package dev.ticketing.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.http.WebhookJson;
import dev.ticketing.json.Json;
import dev.ticketing.service.EventDispatchService;
import dev.ticketing.service.StreamChange;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher function's work on one batch of stream records, in order. A record that fails ends the batch: its
 * sequence number is the one batch item failure, so Lambda retries from it (bisecting on repeated failure) and the
 * records after it are not dispatched before it, which keeps each ticket's events in order.
 */
public final class StreamDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(StreamDispatch.class);

    private final EventDispatchService service;

    public StreamDispatch(EventDispatchService service) {
        this.service = service;
    }

    /** Lambda's stream event in, {@code {"batchItemFailures": [...]}} out. */
    public ObjectNode handle(JsonNode event) {
        ObjectNode response = Json.object();
        ArrayNode failures = response.putArray("batchItemFailures");
        int queued = 0;
        for (JsonNode record : event.path("Records")) {
            try {
                Optional<StreamChange> change = StreamRecords.change(record);
                if (change.isPresent()) {
                    queued += service.dispatch(service.events(change.get()), WebhookJson::event);
                }
            } catch (RuntimeException e) {
                LOG.error("Dispatching stream record {} failed; Lambda retries from it",
                        StreamRecords.sequenceNumber(record), e);
                failures.addObject().put("itemIdentifier", StreamRecords.sequenceNumber(record));
                break;
            }
        }
        LOG.info("Queued {} webhook deliveries from {} stream records", queued, event.path("Records").size());
        return response;
    }
}
