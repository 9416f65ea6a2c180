package dev.ticketing.local.dynamodb;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;

/**
 * Counts what a DynamoDB client does, for benchmarks and cost tests: calls per operation, items Query and Scan
 * evaluated ({@code ScannedCount}) and returned ({@code Count}), and items GetItem, BatchGetItem and
 * TransactGetItems read. Local engines report no real consumed capacity, so these counts stand in for it.
 * Attach with {@code ClientOverrideConfiguration.builder().addExecutionInterceptor(counter)}; thread-safe.
 */
public final class DynamoDbCallCounter implements ExecutionInterceptor {

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final LongAdder scannedCount = new LongAdder();
    private final LongAdder returnedCount = new LongAdder();
    private final LongAdder itemsRead = new LongAdder();

    /**
     * Counted when the call starts, so failed calls count too: a write rejected by its condition is still billed.
     * SDK retries of one call are not counted again.
     */
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.computeIfAbsent(operation, ignored -> new LongAdder()).increment();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        if (response instanceof QueryResponse query) {
            add(scannedCount, query.scannedCount());
            add(returnedCount, query.count());
        } else if (response instanceof ScanResponse scan) {
            add(scannedCount, scan.scannedCount());
            add(returnedCount, scan.count());
        } else if (response instanceof GetItemResponse get) {
            if (get.hasItem() && !get.item().isEmpty()) {
                itemsRead.increment();
            }
        } else if (response instanceof BatchGetItemResponse batch) {
            if (batch.hasResponses()) {
                batch.responses().values().forEach(items -> itemsRead.add(items.size()));
            }
        } else if (response instanceof TransactGetItemsResponse transact) {
            if (transact.hasResponses()) {
                transact.responses().stream()
                        .filter(item -> item.hasItem() && !item.item().isEmpty())
                        .forEach(item -> itemsRead.increment());
            }
        }
    }

    /** Starts counting from zero. */
    public void reset() {
        calls.clear();
        scannedCount.reset();
        returnedCount.reset();
        itemsRead.reset();
    }

    /** The counts so far; calls still in flight on other threads may or may not be included. */
    public Snapshot snapshot() {
        Map<String, Long> callsByOperation = new TreeMap<>();
        calls.forEach((operation, count) -> callsByOperation.put(operation, count.sum()));
        return new Snapshot(Collections.unmodifiableMap(callsByOperation), scannedCount.sum(), returnedCount.sum(),
                itemsRead.sum());
    }

    private static void add(LongAdder total, Integer value) {
        if (value != null) {
            total.add(value);
        }
    }

    /**
     * Counts at one moment.
     *
     * @param callsByOperation calls per operation name as the SDK spells it ({@code "Query"}, {@code "PutItem"})
     * @param scannedCount     items Query and Scan evaluated before any filter: what DynamoDB bills for
     * @param returnedCount    items Query and Scan returned after filtering
     * @param itemsRead        items returned by GetItem, BatchGetItem and TransactGetItems
     */
    public record Snapshot(Map<String, Long> callsByOperation, long scannedCount, long returnedCount, long itemsRead) {

        public long calls(String operation) {
            return callsByOperation.getOrDefault(operation, 0L);
        }

        public long totalCalls() {
            return callsByOperation.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
