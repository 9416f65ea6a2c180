package dev.ticketing.local.dynamodb.limits;

import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Makes a local DynamoDB engine (moto) refuse what DynamoDB refuses, with DynamoDB's own error codes and messages,
 * and end Query and Scan pages where DynamoDB ends them. Registered for every SDK client on the class path through
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}, so every test and the sandbox run under it;
 * this module is never on a function's deployment class path. Requests to AWS itself pass untouched.
 *
 * <p>Each limit names the AWS page it comes from. Quotas: "Quotas in Amazon DynamoDB",
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html.
 *
 * <p>It also keeps moto from losing writes: moto applies a TransactWriteItems without a lock and, when one fails,
 * restores a copy of the whole table taken when it began, erasing every write made meanwhile. DynamoDB isolates
 * transactions from every other write, so writes are sent to the engine one at a time. That lock is taken only
 * after the conflict check, so two transactions on one item still meet as they would on DynamoDB.
 */
public final class DynamoDbLimits implements ExecutionInterceptor {

    /**
     * ServiceQuotas.html, "Item size": 400 KB including attribute names (CapacityUnitCalculations.html). moto
     * refuses items and updates itself from 405,000 bytes of its own estimate, so between that and 400 KB the
     * engine is stricter than DynamoDB, and growth by an update is left to it.
     */
    public static final long MAX_ITEM_BYTES = 400 * 1024;
    /** ServiceQuotas.html, "Expression parameters": each expression string at most 4 KB. */
    public static final int MAX_EXPRESSION_BYTES = 4096;
    /** ServiceQuotas.html, "Partition key value" 2,048 bytes, "Sort key value" 1,024 bytes. */
    public static final int MAX_PARTITION_KEY_BYTES = 2048;
    public static final int MAX_SORT_KEY_BYTES = 1024;
    /**
     * ServiceQuotas.html, "Numbers": 38 digits of precision, magnitude 1E-130 to
     * 9.9999999999999999999999999999999999999E+125.
     */
    public static final int MAX_NUMBER_DIGITS = 38;
    private static final BigDecimal LARGEST_NUMBER = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal SMALLEST_NUMBER = new BigDecimal("1E-130");
    /**
     * ServiceQuotas.html, "Transactions", and "Amazon DynamoDB Transactions: How it works"
     * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html): up to 100 actions,
     * 4 MB of items in aggregate, no two actions on one item.
     */
    public static final int MAX_TRANSACTION_ACTIONS = 100;
    public static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;
    /** API_BatchWriteItem.html: up to 25 put or delete requests; API_BatchGetItem.html: up to 100 items. */
    public static final int MAX_BATCH_WRITE = 25;
    public static final int MAX_BATCH_GET = 100;
    /**
     * "Paginating table query results" (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html)
     * and Scan.Pagination.html: a page holds at most 1 MB of data read, before any filter, then ends with a
     * LastEvaluatedKey.
     */
    public static final long MAX_PAGE_BYTES = 1024 * 1024;

    private static final ExecutionAttribute<Boolean> INTERNAL = new ExecutionAttribute<>("DynamoDbLimits.internal");
    private static final ExecutionAttribute<Set<String>> HELD = new ExecutionAttribute<>("DynamoDbLimits.held");

    /** Item identities held by transactions in flight in this JVM (from their first attempt to their outcome). */
    private static final Set<String> IN_FLIGHT = new HashSet<>();
    private static final ReentrantLock ENGINE = new ReentrantLock();
    private static final Map<URI, Engine> ENGINES = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (!applies(context.request(), context.httpRequest().getUri(), attributes)) {
            return;
        }
        Engine engine = engine(context.httpRequest().getUri());
        SdkRequest request = context.request();
        checkRequest(request, engine);
        if (attributes.getAttribute(HELD) == null) {
            attributes.putAttribute(HELD, claimItems(request, engine));
        }
        if (isWrite(request)) {
            ENGINE.lock();
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        releaseEngine();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (!applies(context.request(), context.httpRequest().getUri(), attributes)) {
            return context.response();
        }
        Engine engine = engine(context.httpRequest().getUri());
        if (context.request() instanceof QueryRequest query && context.response() instanceof QueryResponse page) {
            return PageCut.of(query, page, engine).map(cut -> (SdkResponse) page.toBuilder()
                    .items(cut.items()).count(cut.items().size()).scannedCount(cut.evaluated())
                    .lastEvaluatedKey(cut.lastEvaluatedKey()).build()).orElse(page);
        }
        if (context.request() instanceof ScanRequest scan && context.response() instanceof ScanResponse page) {
            return PageCut.of(scan, page, engine).map(cut -> (SdkResponse) page.toBuilder()
                    .items(cut.items()).count(cut.items().size()).scannedCount(cut.evaluated())
                    .lastEvaluatedKey(cut.lastEvaluatedKey()).build()).orElse(page);
        }
        return context.response();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        releaseItems(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        releaseEngine();
        releaseItems(attributes);
    }

    /** DynamoDB requests to a local engine; the layer's own look-ups and AWS itself are left alone. */
    private static boolean applies(SdkRequest request, URI endpoint, ExecutionAttributes attributes) {
        return request instanceof DynamoDbRequest
                && !Boolean.TRUE.equals(attributes.getAttribute(INTERNAL))
                && (endpoint.getHost() == null || !endpoint.getHost().endsWith("amazonaws.com"));
    }

    private static boolean isWrite(SdkRequest request) {
        return request instanceof TransactWriteItemsRequest || request instanceof PutItemRequest
                || request instanceof UpdateItemRequest || request instanceof DeleteItemRequest
                || request instanceof BatchWriteItemRequest;
    }

    // ---- request limits -------------------------------------------------------------------------------------

    private static void checkRequest(SdkRequest request, Engine engine) {
        if (request instanceof PutItemRequest put) {
            checkExpressions(put.conditionExpression(), null, null, null, null);
            checkValues(put.expressionAttributeValues());
            checkPut(put.tableName(), put.item(), engine);
        } else if (request instanceof UpdateItemRequest update) {
            checkExpressions(update.conditionExpression(), update.updateExpression(), null, null, null);
            checkValues(update.expressionAttributeValues());
            checkKey(update.tableName(), update.key(), engine);
        } else if (request instanceof DeleteItemRequest delete) {
            checkExpressions(delete.conditionExpression(), null, null, null, null);
            checkValues(delete.expressionAttributeValues());
            checkKey(delete.tableName(), delete.key(), engine);
        } else if (request instanceof GetItemRequest get) {
            checkExpressions(null, null, null, null, get.projectionExpression());
            checkKey(get.tableName(), get.key(), engine);
        } else if (request instanceof QueryRequest query) {
            checkExpressions(null, null, query.keyConditionExpression(), query.filterExpression(),
                    query.projectionExpression());
            checkValues(query.expressionAttributeValues());
        } else if (request instanceof ScanRequest scan) {
            checkExpressions(null, null, null, scan.filterExpression(), scan.projectionExpression());
            checkValues(scan.expressionAttributeValues());
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            checkTransaction(transaction, engine);
        } else if (request instanceof BatchWriteItemRequest batch) {
            checkBatchWrite(batch, engine);
        } else if (request instanceof BatchGetItemRequest batch) {
            checkBatchGet(batch, engine);
        } else if (request instanceof TransactGetItemsRequest transaction) {
            transaction.transactItems().forEach(item -> checkKey(item.get().tableName(), item.get().key(), engine));
        }
    }

    private static void checkPut(String tableName, Map<String, AttributeValue> item, Engine engine) {
        checkValues(item);
        checkKey(tableName, engine.keys(tableName).primaryKey(item), engine);
        if (ItemSizes.item(item) > MAX_ITEM_BYTES) {
            throw DynamoDbErrors.validation("Item size has exceeded the maximum allowed size");
        }
    }

    /** Quotas "Partition key value" and "Sort key value": the value's bytes, not counting the attribute name. */
    private static void checkKey(String tableName, Map<String, AttributeValue> key, Engine engine) {
        if (key == null) {
            return;
        }
        checkValues(key);
        TableKeys.KeyPair names = engine.keys(tableName).table();
        AttributeValue partition = key.get(names.partition());
        if (partition != null && ItemSizes.keyValue(partition) > MAX_PARTITION_KEY_BYTES) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Size of hashkey has exceeded "
                    + "the maximum size limit of" + MAX_PARTITION_KEY_BYTES + " bytes");
        }
        AttributeValue sort = names.sort() == null ? null : key.get(names.sort());
        if (sort != null && ItemSizes.keyValue(sort) > MAX_SORT_KEY_BYTES) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Aggregated size of all range "
                    + "keys has exceeded the size limit of " + MAX_SORT_KEY_BYTES + " bytes");
        }
    }

    /** Quota "Expression parameters": each expression's own string, placeholders not substituted. */
    private static void checkExpressions(String condition, String update, String keyCondition, String filter,
                                         String projection) {
        checkExpression("ConditionExpression", condition);
        checkExpression("UpdateExpression", update);
        checkExpression("KeyConditionExpression", keyCondition);
        checkExpression("FilterExpression", filter);
        checkExpression("ProjectionExpression", projection);
    }

    private static void checkExpression(String kind, String expression) {
        if (expression == null) {
            return;
        }
        long size = ItemSizes.utf8(expression);
        if (size > MAX_EXPRESSION_BYTES) {
            throw DynamoDbErrors.validation("Invalid " + kind + ": Expression size has exceeded the maximum allowed "
                    + "size; expression size: " + size);
        }
    }

    private static void checkValues(Map<String, AttributeValue> values) {
        if (values != null) {
            values.values().forEach(DynamoDbLimits::checkNumbers);
        }
    }

    /** Quota "Numbers", and the messages DynamoDB answers with, for every number however deeply nested. */
    static void checkNumbers(AttributeValue value) {
        switch (value.type()) {
            case N -> checkNumber(value.n());
            case NS -> value.ns().forEach(DynamoDbLimits::checkNumber);
            case L -> value.l().forEach(DynamoDbLimits::checkNumbers);
            case M -> value.m().values().forEach(DynamoDbLimits::checkNumbers);
            default -> { }
        }
    }

    private static void checkNumber(String text) {
        BigDecimal number;
        try {
            number = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw DynamoDbErrors.validation("A value provided cannot be converted into a number");
        }
        if (number.signum() == 0) {
            return;
        }
        if (number.stripTrailingZeros().precision() > MAX_NUMBER_DIGITS) {
            throw DynamoDbErrors.validation("Attempting to store more than 38 significant digits in a Number");
        }
        BigDecimal magnitude = number.abs();
        if (magnitude.compareTo(LARGEST_NUMBER) > 0) {
            throw DynamoDbErrors.validation("Number overflow. Attempting to store a number with magnitude larger "
                    + "than supported range");
        }
        if (magnitude.compareTo(SMALLEST_NUMBER) < 0) {
            throw DynamoDbErrors.validation("Number underflow. Attempting to store a number with magnitude smaller "
                    + "than supported range");
        }
    }

    private static void checkTransaction(TransactWriteItemsRequest transaction, Engine engine) {
        List<TransactWriteItem> actions = transaction.transactItems();
        if (actions.size() > MAX_TRANSACTION_ACTIONS) {
            throw DynamoDbErrors.validation("1 validation error detected: Value at 'transactItems' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + MAX_TRANSACTION_ACTIONS);
        }
        Set<String> targets = new HashSet<>();
        long aggregate = 0;
        for (TransactWriteItem action : actions) {
            Target target = Target.of(action, engine);
            if (!targets.add(target.identity())) {
                throw DynamoDbErrors.validation("Transaction request cannot include multiple operations on one item");
            }
            if (action.put() != null) {
                checkExpressions(action.put().conditionExpression(), null, null, null, null);
                checkValues(action.put().expressionAttributeValues());
                checkPut(action.put().tableName(), action.put().item(), engine);
                aggregate += ItemSizes.item(action.put().item());
            } else if (action.update() != null) {
                checkExpressions(action.update().conditionExpression(), action.update().updateExpression(), null,
                        null, null);
                checkValues(action.update().expressionAttributeValues());
                checkKey(action.update().tableName(), action.update().key(), engine);
                aggregate += ItemSizes.item(action.update().key())
                        + sizeOf(action.update().expressionAttributeValues());
            } else if (action.delete() != null) {
                checkExpressions(action.delete().conditionExpression(), null, null, null, null);
                checkValues(action.delete().expressionAttributeValues());
                checkKey(action.delete().tableName(), action.delete().key(), engine);
                aggregate += ItemSizes.item(action.delete().key());
            } else if (action.conditionCheck() != null) {
                checkExpressions(action.conditionCheck().conditionExpression(), null, null, null, null);
                checkValues(action.conditionCheck().expressionAttributeValues());
                checkKey(action.conditionCheck().tableName(), action.conditionCheck().key(), engine);
                aggregate += ItemSizes.item(action.conditionCheck().key());
            }
        }
        if (aggregate > MAX_TRANSACTION_BYTES) {
            throw DynamoDbErrors.validation("Transaction request size has exceeded the maximum allowed size");
        }
    }

    private static long sizeOf(Map<String, AttributeValue> values) {
        return values == null ? 0 : values.values().stream().mapToLong(ItemSizes::value).sum();
    }

    private static void checkBatchWrite(BatchWriteItemRequest batch, Engine engine) {
        int requests = batch.requestItems().values().stream().mapToInt(List::size).sum();
        if (requests > MAX_BATCH_WRITE) {
            throw DynamoDbErrors.validation("1 validation error detected: Value at 'requestItems' failed to satisfy "
                    + "constraint: Map value must satisfy constraint: [Member must have length less than or equal to "
                    + MAX_BATCH_WRITE + ", Member must have length greater than or equal to 1]");
        }
        for (Map.Entry<String, List<WriteRequest>> table : batch.requestItems().entrySet()) {
            for (WriteRequest write : table.getValue()) {
                if (write.putRequest() != null) {
                    checkPut(table.getKey(), write.putRequest().item(), engine);
                } else if (write.deleteRequest() != null) {
                    checkKey(table.getKey(), write.deleteRequest().key(), engine);
                }
            }
        }
    }

    private static void checkBatchGet(BatchGetItemRequest batch, Engine engine) {
        int keys = batch.requestItems().values().stream().mapToInt(k -> k.keys().size()).sum();
        if (keys > MAX_BATCH_GET) {
            throw DynamoDbErrors.validation("Too many items requested for the BatchGetItem call");
        }
        for (Map.Entry<String, KeysAndAttributes> table : batch.requestItems().entrySet()) {
            checkExpression("ProjectionExpression", table.getValue().projectionExpression());
            table.getValue().keys().forEach(key -> checkKey(table.getKey(), key, engine));
        }
    }

    // ---- transaction conflicts --------------------------------------------------------------------------------

    /**
     * "Transaction conflict handling" (transaction-apis.html#transaction-conflict-handling): a transaction that
     * touches an item another transaction is working on is cancelled with TransactionConflict; a PutItem,
     * UpdateItem or DeleteItem on such an item fails with TransactionConflictException.
     */
    private static Set<String> claimItems(SdkRequest request, Engine engine) {
        if (request instanceof TransactWriteItemsRequest transaction) {
            List<String> identities = transaction.transactItems().stream()
                    .map(action -> Target.of(action, engine).identity()).toList();
            synchronized (IN_FLIGHT) {
                if (identities.stream().anyMatch(IN_FLIGHT::contains)) {
                    throw DynamoDbErrors.transactionCanceled(identities.stream()
                            .map(id -> IN_FLIGHT.contains(id) ? DynamoDbErrors.conflictReason()
                                    : DynamoDbErrors.noReason()).toList());
                }
                IN_FLIGHT.addAll(identities);
            }
            return Set.copyOf(identities);
        }
        Optional<String> single = singleWriteTarget(request, engine);
        if (single.isPresent()) {
            synchronized (IN_FLIGHT) {
                if (IN_FLIGHT.contains(single.get())) {
                    throw DynamoDbErrors.transactionConflict();
                }
            }
        }
        return Set.of();
    }

    private static Optional<String> singleWriteTarget(SdkRequest request, Engine engine) {
        if (request instanceof PutItemRequest put) {
            return Optional.of(TableKeys.identity(put.tableName(),
                    engine.keys(put.tableName()).primaryKey(put.item())));
        }
        if (request instanceof UpdateItemRequest update) {
            return Optional.of(TableKeys.identity(update.tableName(), update.key()));
        }
        if (request instanceof DeleteItemRequest delete) {
            return Optional.of(TableKeys.identity(delete.tableName(), delete.key()));
        }
        return Optional.empty();
    }

    private static void releaseItems(ExecutionAttributes attributes) {
        Set<String> held = attributes.getAttribute(HELD);
        if (held != null && !held.isEmpty()) {
            synchronized (IN_FLIGHT) {
                IN_FLIGHT.removeAll(held);
            }
            attributes.putAttribute(HELD, Set.of());
        }
    }

    private static void releaseEngine() {
        while (ENGINE.isHeldByCurrentThread()) {
            ENGINE.unlock();
        }
    }

    /** The item one transaction action targets. */
    private record Target(String tableName, Map<String, AttributeValue> key) {

        static Target of(TransactWriteItem action, Engine engine) {
            if (action.put() != null) {
                String table = action.put().tableName();
                return new Target(table, engine.keys(table).primaryKey(action.put().item()));
            }
            if (action.update() != null) {
                return new Target(action.update().tableName(), action.update().key());
            }
            if (action.delete() != null) {
                return new Target(action.delete().tableName(), action.delete().key());
            }
            return new Target(action.conditionCheck().tableName(), action.conditionCheck().key());
        }

        String identity() {
            return TableKeys.identity(tableName, key);
        }
    }

    // ---- the engine, through a client of the layer's own ------------------------------------------------------

    private static Engine engine(URI requestUri) {
        URI endpoint = URI.create(requestUri.getScheme() + "://" + requestUri.getAuthority());
        return ENGINES.computeIfAbsent(endpoint, Engine::new);
    }

    /** Key schemas and unfiltered reads on one engine, through a client that the layer itself leaves alone. */
    static final class Engine {

        private final DynamoDbClient client;
        private final Map<String, TableKeys> keys = new ConcurrentHashMap<>();

        Engine(URI endpoint) {
            this.client = DynamoDbClient.builder()
                    .endpointOverride(endpoint)
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("limits",
                            "limits")))
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .overrideConfiguration(o -> o.putExecutionAttribute(INTERNAL, true))
                    .build();
        }

        TableKeys keys(String tableName) {
            return keys.computeIfAbsent(tableName, name ->
                    TableKeys.of(client.describeTable(r -> r.tableName(name)).table()));
        }

        /** The items the engine evaluated for a page: the same read without filter or projection. */
        List<Map<String, AttributeValue>> evaluated(QueryRequest query) {
            return client.query(query.toBuilder()
                    .filterExpression(null).projectionExpression(null).attributesToGet((List<String>) null)
                    .select((Select) null)
                    .expressionAttributeNames(used(query.expressionAttributeNames(), query.keyConditionExpression()))
                    .expressionAttributeValues(used(query.expressionAttributeValues(), query.keyConditionExpression()))
                    .build()).items();
        }

        List<Map<String, AttributeValue>> evaluated(ScanRequest scan) {
            return client.scan(scan.toBuilder()
                    .filterExpression(null).projectionExpression(null).attributesToGet((List<String>) null)
                    .select((Select) null)
                    .expressionAttributeNames((Map<String, String>) null)
                    .expressionAttributeValues((Map<String, AttributeValue>) null)
                    .build()).items();
        }

        /** The placeholders the remaining expression still uses: DynamoDB refuses unused ones. */
        private static <V> Map<String, V> used(Map<String, V> placeholders, String expression) {
            if (placeholders == null || placeholders.isEmpty() || expression == null) {
                return null;
            }
            Map<String, V> kept = new HashMap<>();
            placeholders.forEach((name, value) -> {
                if (Pattern.compile(Pattern.quote(name) + "(?![A-Za-z0-9_])").matcher(expression).find()) {
                    kept.put(name, value);
                }
            });
            return kept.isEmpty() ? null : kept;
        }
    }

    /** A page ended at 1 MB of data read: the items returned from within it and where reading stopped. */
    record PageCut(List<Map<String, AttributeValue>> items, int evaluated, Map<String,
            AttributeValue> lastEvaluatedKey) {

        static Optional<PageCut> of(QueryRequest query, QueryResponse page, Engine engine) {
            if (!page.hasItems()) {
                return Optional.empty();
            }
            boolean asRead = query.filterExpression() == null && query.projectionExpression() == null
                    && !query.hasAttributesToGet() && (query.select() == null || query.select(
                            ) == Select.ALL_ATTRIBUTES);
            List<Map<String, AttributeValue>> evaluated = asRead ? page.items() : engine.evaluated(query);
            return cut(query.tableName(), query.indexName(), evaluated, page.items(), engine);
        }

        static Optional<PageCut> of(ScanRequest scan, ScanResponse page, Engine engine) {
            if (!page.hasItems()) {
                return Optional.empty();
            }
            boolean asRead = scan.filterExpression() == null && scan.projectionExpression() == null
                    && !scan.hasAttributesToGet() && (scan.select() == null || scan.select() == Select.ALL_ATTRIBUTES);
            List<Map<String, AttributeValue>> evaluated = asRead ? page.items() : engine.evaluated(scan);
            return cut(scan.tableName(), scan.indexName(), evaluated, page.items(), engine);
        }

        /**
         * Reads items in order while they fit in 1 MB (always at least one, as DynamoDB returns an item however
         * large); the returned ones among them stay, and the last one read becomes the LastEvaluatedKey.
         */
        private static Optional<PageCut> cut(String tableName, String indexName,
                                             List<Map<String, AttributeValue>> evaluated,
                                             List<Map<String, AttributeValue>> returned, Engine engine) {
            long read = 0;
            int within = 0;
            for (Map<String, AttributeValue> item : evaluated) {
                read += ItemSizes.item(item);
                if (read > MAX_PAGE_BYTES && within > 0) {
                    break;
                }
                within++;
            }
            if (within == evaluated.size()) {
                return Optional.empty();
            }
            TableKeys keys = engine.keys(tableName);
            Set<String> kept = new HashSet<>();
            evaluated.subList(0, within).forEach(item -> kept.add(TableKeys.identity(tableName, keys.primaryKey(
                    item))));
            List<Map<String, AttributeValue>> items = returned.stream()
                    .filter(item -> kept.contains(TableKeys.identity(tableName, keys.primaryKey(item)))).toList();
            Map<String, AttributeValue> last = new LinkedHashMap<>(
                    keys.lastEvaluatedKey(evaluated.get(within - 1), indexName));
            return Optional.of(new PageCut(items, within, last));
        }
    }
}
