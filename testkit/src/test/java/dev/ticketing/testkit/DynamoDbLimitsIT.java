package dev.ticketing.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ticketing.local.dynamodb.limits.DynamoDbLimits;
import dev.ticketing.local.dynamodb.limits.ItemSizes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Each limit of {@link DynamoDbLimits} against the real test engine: what DynamoDB accepts passes, one byte (or
 * item, or digit) more is refused as DynamoDB refuses it. Every client built here gets the layer from the class
 * path, as every client in every test does.
 */
@ExtendWith(DynamoDbEngine.class)
class DynamoDbLimitsIT {

    private final String partition = "limits-" + UUID.randomUUID();

    @Test
    void putItem_refusesAnItemOneByteOver400KB_countedAsDynamoDbCountsIt(TestTable table) {
        // moto itself refuses from 405,000 bytes of its own estimate, so that is the largest item a test can store.
        Map<String, AttributeValue> fits = itemOfSize(partition, "a", 404_000);
        Map<String, AttributeValue> tooLarge = itemOfSize(partition, "b", DynamoDbLimits.MAX_ITEM_BYTES + 1);

        assertThatCode(() -> table.client().putItem(r -> r.tableName(table.tableName()).item(fits)))
                .doesNotThrowAnyException();
        DynamoDbException refused = catchThrowableOfType(DynamoDbException.class,
                () -> table.client().transactWriteItems(r -> r.transactItems(put(table, tooLarge))));

        assertValidation(refused, "Item size has exceeded the maximum allowed size");
        assertThat(get(table, partition, "b")).isEmpty();
    }

    @Test
    void expressions_acceptExactly4KB_andRefuseOneByteMore(TestTable table) {
        String fits = "attribute_not_exists(PK)" + " ".repeat(DynamoDbLimits.MAX_EXPRESSION_BYTES - 24);
        String tooLong = fits + " ";

        assertThatCode(() -> table.client().putItem(r -> r.tableName(table.tableName())
                .item(Map.of("PK", s(partition), "SK", s("expr"))).conditionExpression(fits)))
                .doesNotThrowAnyException();
        DynamoDbException refused = catchThrowableOfType(DynamoDbException.class, () -> table.client().query(r -> r
                .tableName(table.tableName())
                .keyConditionExpression("PK = :pk")
                .filterExpression(tooLong.replace("attribute_not_exists(PK)", "attribute_exists(SK)    "))
                .expressionAttributeValues(Map.of(":pk", s(partition)))));

        assertValidation(refused, "Invalid FilterExpression: Expression size has exceeded the maximum allowed size; "
                + "expression size: 4097");
    }

    @Test
    void keys_acceptPartition2048AndSort1024Bytes_andRefuseOneByteMore(TestTable table) {
        String partitionFits = partition + "p".repeat(DynamoDbLimits.MAX_PARTITION_KEY_BYTES - partition.length());
        String sortFits = "é".repeat(DynamoDbLimits.MAX_SORT_KEY_BYTES / 2);

        assertThatCode(() -> table.client().putItem(r -> r.tableName(table.tableName())
                .item(Map.of("PK", s(partitionFits), "SK", s(sortFits))))).doesNotThrowAnyException();
        DynamoDbException partitionTooLong = catchThrowableOfType(DynamoDbException.class,
                () -> table.client().getItem(r -> r.tableName(table.tableName())
                        .key(Map.of("PK", s(partitionFits + "p"), "SK", s("x")))));
        DynamoDbException sortTooLong = catchThrowableOfType(DynamoDbException.class,
                () -> table.client().putItem(r -> r.tableName(table.tableName())
                        .item(Map.of("PK", s(partition), "SK", s(sortFits + "x")))));

        assertValidation(partitionTooLong, "One or more parameter values were invalid: Size of hashkey has exceeded "
                + "the maximum size limit of2048 bytes");
        assertValidation(sortTooLong, "One or more parameter values were invalid: Aggregated size of all range keys "
                + "has exceeded the size limit of 1024 bytes");
    }

    @Test
    void numbers_accept38DigitsAndDynamoDbsRange_andRefuseMore(TestTable table) {
        String digits38 = "1".repeat(38);

        assertThatCode(() -> putNumber(table, "fits", n(digits38))).doesNotThrowAnyException();
        assertThatCode(() -> putNumber(table, "largest", n("9.9999999999999999999999999999999999999E+125")))
                .doesNotThrowAnyException();
        assertThatCode(() -> putNumber(table, "smallest", n("-1E-130"))).doesNotThrowAnyException();

        assertValidation(catchThrowableOfType(DynamoDbException.class,
                () -> putNumber(table, "digits", n(digits38 + "1"))),
                "Attempting to store more than 38 significant digits in a Number");
        assertValidation(catchThrowableOfType(DynamoDbException.class,
                () -> putNumber(table, "overflow", n("1E+126"))),
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
        assertValidation(catchThrowableOfType(DynamoDbException.class,
                () -> putNumber(table, "underflow", AttributeValue.fromM(Map.of("deep", n("1E-131"))))),
                "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }

    @Test
    void transaction_refusesMoreThan100Actions(TestTable table) {
        List<TransactWriteItem> actions = IntStream.range(0, DynamoDbLimits.MAX_TRANSACTION_ACTIONS + 1)
                .mapToObj(i -> put(table, Map.of("PK", s(partition), "SK", s("many-" + i)))).toList();

        DynamoDbException refused = catchThrowableOfType(DynamoDbException.class,
                () -> table.client().transactWriteItems(r -> r.transactItems(actions)));

        assertValidation(refused, "1 validation error detected: Value at 'transactItems' failed to satisfy "
                + "constraint: Member must have length less than or equal to 100");
    }

    @Test
    void transaction_refusesTwoActionsOnOneItem(TestTable table) {
        Map<String, AttributeValue> key = Map.of("PK", s(partition), "SK", s("twice"));

        DynamoDbException refused = catchThrowableOfType(DynamoDbException.class,
                () -> table.client().transactWriteItems(r -> r.transactItems(put(table, key),
                        TransactWriteItem.builder().conditionCheck(c -> c.tableName(table.tableName()).key(key)
                                .conditionExpression("attribute_not_exists(PK)")).build())));

        assertValidation(refused, "Transaction request cannot include multiple operations on one item");
    }

    @Test
    void transaction_refusesMoreThan4MBOfItems(TestTable table) {
        long each = 390_000;
        List<TransactWriteItem> actions = IntStream.range(0, 11)
                .mapToObj(i -> put(table, itemOfSize(partition, "big-" + i, each))).toList();

        DynamoDbException refused = catchThrowableOfType(DynamoDbException.class,
                () -> table.client().transactWriteItems(r -> r.transactItems(actions)));

        assertValidation(refused, "Transaction request size has exceeded the maximum allowed size");
        assertThatCode(() -> table.client().transactWriteItems(r -> r.transactItems(actions.subList(0, 10))))
                .doesNotThrowAnyException();
    }

    @Test
    void batchWrite_refusesMoreThan25Requests_andBatchGetMoreThan100Keys(TestTable table) {
        List<WriteRequest> writes = IntStream.range(0, DynamoDbLimits.MAX_BATCH_WRITE + 1)
                .mapToObj(i -> WriteRequest.builder().putRequest(p -> p.item(Map.of("PK", s(partition),
                        "SK", s("batch-" + i)))).build()).toList();
        List<Map<String, AttributeValue>> keys = IntStream.range(0, DynamoDbLimits.MAX_BATCH_GET + 1)
                .mapToObj(i -> Map.of("PK", s(partition), "SK", s("batch-" + i))).toList();

        assertValidation(catchThrowableOfType(DynamoDbException.class, () -> table.client().batchWriteItem(r -> r
                        .requestItems(Map.of(table.tableName(), writes)))),
                "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must "
                        + "satisfy constraint: [Member must have length less than or equal to 25, Member must have "
                        + "length greater than or equal to 1]");
        assertValidation(catchThrowableOfType(DynamoDbException.class, () -> table.client().batchGetItem(r -> r
                        .requestItems(Map.of(table.tableName(), KeysAndAttributes.builder().keys(keys).build())))),
                "Too many items requested for the BatchGetItem call");
        assertThatCode(() -> table.client().batchWriteItem(r -> r
                .requestItems(Map.of(table.tableName(), writes.subList(0, 25))))).doesNotThrowAnyException();
    }

    @Test
    void query_endsThePageAt1MBOfItemsRead_withTheKeyToResumeFrom(TestTable table) {
        long each = 300 * 1024;
        for (int i = 1; i <= 5; i++) {
            Map<String, AttributeValue> item = new HashMap<>(itemOfSize(partition, "page-" + i, each));
            item.put("keep", AttributeValue.fromBool(i % 2 == 0));
            table.client().putItem(r -> r.tableName(table.tableName()).item(item));
        }

        QueryResponse first = query(table, null);
        QueryResponse second = query(table, first.lastEvaluatedKey());

        assertThat(sortKeys(first)).containsExactly("page-1", "page-3");
        assertThat(first.scannedCount()).isEqualTo(3);
        assertThat(first.lastEvaluatedKey()).isEqualTo(Map.of("PK", s(partition), "SK", s("page-3")));
        assertThat(sortKeys(second)).containsExactly("page-5");
        assertThat(second.hasLastEvaluatedKey() && !second.lastEvaluatedKey().isEmpty()).isFalse();
    }

    @Test
    void scan_endsThePageAt1MBOfItemsRead(TestTable table) {
        long each = 300 * 1024;
        for (int i = 1; i <= 4; i++) {
            Map<String, AttributeValue> item = itemOfSize(partition, "scan-" + i, each);
            table.client().putItem(r -> r.tableName(table.tableName()).item(item));
        }

        List<Integer> pageSizes = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            // Other tests' items share the table: the filter keeps this test's, and costs nothing in the 1 MB.
            var page = table.client().scan(r -> r.tableName(table.tableName()).exclusiveStartKey(from)
                    .filterExpression("PK = :pk").expressionAttributeValues(Map.of(":pk", s(partition))));
            pageSizes.add(page.count());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);

        assertThat(pageSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);
        assertThat(pageSizes).allMatch(size -> size <= 3).hasSizeGreaterThan(1);
    }

    @Test
    void transactionsTouchingOneItemAtOnce_conflictAsOnDynamoDb(TestTable table) throws Exception {
        Map<String, AttributeValue> contested = Map.of("PK", s(partition), "SK", s("contested"));
        CountDownLatch sent = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (DynamoDbClient holding = table.newClient(new HoldTransactionInFlight(sent, release))) {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> holding.transactWriteItems(r -> r
                    .transactItems(put(table, contested))));
            assertThat(sent.await(30, TimeUnit.SECONDS)).isTrue();
            try {
                TransactionCanceledException conflict = catchThrowableOfType(TransactionCanceledException.class,
                        () -> table.client().transactWriteItems(r -> r.transactItems(
                                put(table, Map.of("PK", s(partition), "SK", s("bystander"))),
                                put(table, contested))));
                TransactionConflictException single = catchThrowableOfType(TransactionConflictException.class,
                        () -> table.client().putItem(r -> r.tableName(table.tableName()).item(contested)));

                assertThat(conflict.statusCode()).isEqualTo(400);
                assertThat(conflict.awsErrorDetails().errorCode()).isEqualTo("TransactionCanceledException");
                assertThat(conflict.cancellationReasons()).extracting(CancellationReason::code)
                        .containsExactly("None", "TransactionConflict");
                assertThat(single.awsErrorDetails().errorCode()).isEqualTo("TransactionConflictException");
                assertThatCode(() -> table.client().transactWriteItems(r -> r.transactItems(
                        put(table, Map.of("PK", s(partition), "SK", s("elsewhere")))))).doesNotThrowAnyException();
            } finally {
                release.countDown();
            }
            first.get(30, TimeUnit.SECONDS);
        }
        assertThatCode(() -> table.client().transactWriteItems(r -> r.transactItems(put(table, contested))))
                .doesNotThrowAnyException();
    }

    /**
     * Keeps this client's first transaction in flight once the engine has applied it, until released: the engine
     * lock is free by then, so other writes proceed, but the transaction has not finished.
     */
    private static final class HoldTransactionInFlight implements ExecutionInterceptor {

        private final CountDownLatch sent;
        private final CountDownLatch release;

        HoldTransactionInFlight(CountDownLatch sent, CountDownLatch release) {
            this.sent = sent;
            this.release = release;
        }

        @Override
        public void beforeUnmarshalling(Context.BeforeUnmarshalling context, ExecutionAttributes attributes) {
            if (context.request() instanceof TransactWriteItemsRequest && sent.getCount() > 0) {
                sent.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private QueryResponse query(TestTable table, Map<String, AttributeValue> start) {
        return table.client().query(r -> r.tableName(table.tableName())
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .filterExpression("#keep = :no")
                .expressionAttributeNames(Map.of("#keep", "keep"))
                .expressionAttributeValues(Map.of(":pk", s(partition), ":prefix", s("page-"),
                        ":no", AttributeValue.fromBool(false)))
                .exclusiveStartKey(start));
    }

    private static List<String> sortKeys(QueryResponse page) {
        return page.items().stream().map(item -> item.get("SK").s()).toList();
    }

    private void putNumber(TestTable table, String sortKey, AttributeValue number) {
        table.client().putItem(r -> r.tableName(table.tableName())
                .item(Map.of("PK", s(partition), "SK", s(sortKey), "value", number)));
    }

    private static Map<String, AttributeValue> get(TestTable table, String pk, String sk) {
        return table.client().getItem(r -> r.tableName(table.tableName())
                .key(Map.of("PK", s(pk), "SK", s(sk))).consistentRead(true)).item();
    }

    private static TransactWriteItem put(TestTable table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table.tableName()).item(item)).build();
    }

    /** An item of exactly {@code size} bytes as DynamoDB counts them: names and values, padded in "data". */
    static Map<String, AttributeValue> itemOfSize(String pk, String sk, long size) {
        long fixed = "PK".length() + pk.length() + "SK".length() + sk.length() + "data".length();
        Map<String, AttributeValue> item = Map.of("PK", s(pk), "SK", s(sk), "data", s("x".repeat((int) (
                size - fixed))));
        assertThat(ItemSizes.item(item)).isEqualTo(size);
        return item;
    }

    private static void assertValidation(DynamoDbException e, String message) {
        assertThat(e).as("refused").isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
