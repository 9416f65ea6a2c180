package dev.ticketing.store.dynamodb;

import dev.ticketing.model.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Writes ticket items exactly as the store does (same schema and index keys), in batches, for tests and benchmarks. */
public final class TicketLoader {

    private TicketLoader() {
    }

    public static void put(DynamoDbClient client, String tableName, List<Ticket> tickets) {
        List<WriteRequest> batch = new ArrayList<>();
        for (Ticket ticket : tickets) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(TicketItem.SCHEMA.itemToMap(TicketItem.from(ticket), true)).build()).build());
            if (batch.size() == 25) {
                write(client, tableName, batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            write(client, tableName, batch);
        }
    }

    private static void write(DynamoDbClient client, String tableName, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(tableName, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }
}
