package dev.ticketing.webhooks.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.Json;
import dev.ticketing.webhooks.StreamRecords;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Stands in for Lambda's event source mapping of the table's stream where there is no Lambda (tests, the sandbox):
 * reads every shard from where it stopped, hands each batch to the dispatcher as Lambda's event and, when the answer
 * names a failed record, reads again from that record next time.
 */
public final class StreamPoller {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Function<JsonNode, JsonNode> handler;
    private final Map<String, String> iterators = new LinkedHashMap<>();

    /** Starts at the stream's current end (records written before are not dispatched). */
    public StreamPoller(DynamoDbStreamsClient streams, String streamArn, Function<JsonNode, JsonNode> handler) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.handler = handler;
        for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
            iterators.put(shard.shardId(), streams.getShardIterator(r -> r.streamArn(streamArn)
                    .shardId(shard.shardId()).shardIteratorType(ShardIteratorType.LATEST)).shardIterator());
        }
    }

    /** One read of every shard; returns how many records were handed over. */
    public synchronized int pollOnce() {
        int handed = 0;
        for (Map.Entry<String, String> entry : iterators.entrySet()) {
            var response = streams.getRecords(r -> r.shardIterator(entry.getValue()).limit(100));
            if (response.records().isEmpty()) {
                if (response.nextShardIterator() != null) {
                    entry.setValue(response.nextShardIterator());
                }
                continue;
            }
            ObjectNode event = Json.object();
            ArrayNode records = event.putArray("Records");
            for (Record record : response.records()) {
                records.add(lambdaRecord(record));
            }
            handed += response.records().size();
            JsonNode answer = handler.apply(event);
            JsonNode failures = answer.path("batchItemFailures");
            if (failures.isEmpty()) {
                entry.setValue(response.nextShardIterator());
            } else {
                String sequence = failures.get(0).path("itemIdentifier").asText();
                entry.setValue(streams.getShardIterator(r -> r.streamArn(streamArn).shardId(entry.getKey())
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(sequence))
                        .shardIterator());
            }
        }
        return handed;
    }

    /** Polls until the stream has nothing more; returns how many records were handed over. */
    public int drain() {
        int total = 0;
        for (int handed = pollOnce(); handed > 0; handed = pollOnce()) {
            total += handed;
        }
        return total;
    }

    private static ObjectNode lambdaRecord(Record record) {
        ObjectNode node = Json.object();
        node.put("eventID", record.eventID());
        node.put("eventName", record.eventNameAsString());
        node.put("eventSource", "aws:dynamodb");
        ObjectNode dynamodb = node.putObject("dynamodb");
        var change = record.dynamodb();
        if (change.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", change.approximateCreationDateTime().getEpochSecond());
        }
        dynamodb.set("Keys", StreamRecords.json(change.keys()));
        if (change.hasNewImage()) {
            dynamodb.set("NewImage", StreamRecords.json(change.newImage()));
        }
        if (change.hasOldImage()) {
            dynamodb.set("OldImage", StreamRecords.json(change.oldImage()));
        }
        dynamodb.put("SequenceNumber", change.sequenceNumber());
        dynamodb.put("StreamViewType", change.streamViewTypeAsString());
        return node;
    }
}
