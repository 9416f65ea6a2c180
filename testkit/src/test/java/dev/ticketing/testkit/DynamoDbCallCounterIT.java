package dev.ticketing.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.local.dynamodb.DynamoDbCallCounter;
import dev.ticketing.local.dynamodb.TemplateTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

@ExtendWith(DynamoDbEngine.class)
class DynamoDbCallCounterIT {

    private static final TemplateTable TEMPLATE = TemplateTable.load();

    private final DynamoDbCallCounter counter = new DynamoDbCallCounter();
    // Every test writes under its own partition, so tests sharing the class's table cannot see each other's items.
    private final String partition = "counter-" + UUID.randomUUID();
    private DynamoDbClient counted;

    @BeforeEach
    void attachCounter(TestTable table) {
        counted = table.newClient(counter);
    }

    @AfterEach
    void closeClient() {
        counted.close();
    }

    @Test
    void countsTheItemsAQueryScannedNotOnlyThoseItReturned(TestTable table) {
        for (int i = 0; i < 5; i++) {
            put(table, "item-" + i, i < 2 ? "keep" : "drop");
        }
        counter.reset();

        int returned = counted.query(request -> request.tableName(table.tableName())
                .keyConditionExpression("#pk = :pk")
                .filterExpression("#label = :keep")
                .expressionAttributeNames(Map.of("#pk", TEMPLATE.partitionKey(), "#label", "label"))
                .expressionAttributeValues(Map.of(":pk", s(partition), ":keep", s("keep"))))
                .count();

        DynamoDbCallCounter.Snapshot counts = counter.snapshot();
        assertThat(returned).isEqualTo(2);
        assertThat(counts.callsByOperation()).containsExactly(Map.entry("Query", 1L));
        assertThat(counts.scannedCount()).isEqualTo(5);
        assertThat(counts.returnedCount()).isEqualTo(2);
        assertThat(counts.itemsRead()).isZero();
    }

    @Test
    void countsItemsReadByGetItemAndBatchGetItem(TestTable table) {
        for (int i = 0; i < 3; i++) {
            put(table, "item-" + i, "any");
        }
        counter.reset();

        counted.getItem(request -> request.tableName(table.tableName()).key(key("item-0")));
        counted.getItem(request -> request.tableName(table.tableName()).key(key("missing")));
        counted.batchGetItem(request -> request.requestItems(Map.of(table.tableName(), KeysAndAttributes.builder()
                .keys(List.of(key("item-0"), key("item-1"), key("item-2"), key("missing")))
                .build())));

        DynamoDbCallCounter.Snapshot counts = counter.snapshot();
        assertThat(counts.calls("GetItem")).isEqualTo(2);
        assertThat(counts.calls("BatchGetItem")).isEqualTo(1);
        assertThat(counts.totalCalls()).isEqualTo(3);
        assertThat(counts.itemsRead()).isEqualTo(4);
        assertThat(counts.scannedCount()).isZero();
    }

    @Test
    void countsWritesAndStartsAgainFromZeroAfterReset(TestTable table) {
        counted.putItem(request -> request.tableName(table.tableName()).item(key("written")));
        assertThat(counter.snapshot().calls("PutItem")).isEqualTo(1);

        counter.reset();

        assertThat(counter.snapshot()).isEqualTo(new DynamoDbCallCounter.Snapshot(Map.of(), 0, 0, 0));
    }

    private void put(TestTable table, String sortKey, String label) {
        Map<String, AttributeValue> item = new HashMap<>(key(sortKey));
        item.put("label", s(label));
        table.client().putItem(request -> request.tableName(table.tableName()).item(item));
    }

    private Map<String, AttributeValue> key(String sortKey) {
        return TEMPLATE.sortKey()
                .map(sortKeyName -> Map.of(TEMPLATE.partitionKey(), s(partition), sortKeyName, s(sortKey)))
                .orElseThrow(() -> new IllegalStateException("These tests need a table with a sort key"));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
