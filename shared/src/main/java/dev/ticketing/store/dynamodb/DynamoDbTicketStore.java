package dev.ticketing.store.dynamodb;

import dev.ticketing.error.ConflictException;
import dev.ticketing.model.Activity;
import dev.ticketing.model.Ticket;
import dev.ticketing.store.ActivityPage;
import dev.ticketing.store.IdempotencyKeyTakenException;
import dev.ticketing.store.IdempotencyRecord;
import dev.ticketing.store.TicketChange;
import dev.ticketing.store.TicketNumberTakenException;
import dev.ticketing.store.TicketStore;
import dev.ticketing.store.VersionConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** The ticket store on the single DynamoDB table. */
public final class DynamoDbTicketStore implements TicketStore {

    static final Expression ITEM_DOES_NOT_EXIST = Expression.builder()
            .expression("attribute_not_exists(PK)")
            .build();

    private final DynamoDbClient client;
    private final String tableName;
    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<TicketItem> tickets;
    private final DynamoDbTable<TicketIdAliasItem> aliases;
    private final DynamoDbTable<ActivityItem> activities;
    private final ContinuationTokens tokens;
    private final DynamoDbTable<IdempotencyItem> idempotency;

    public DynamoDbTicketStore(DynamoDbClient client, DynamoDbEnhancedClient enhanced, String tableName,
                               ContinuationTokens tokens) {
        this.client = client;
        this.tokens = tokens;
        this.tableName = tableName;
        this.enhanced = enhanced;
        this.tickets = enhanced.table(tableName, TicketItem.SCHEMA);
        this.aliases = enhanced.table(tableName, TicketIdAliasItem.SCHEMA);
        this.activities = enhanced.table(tableName, ActivityItem.SCHEMA);
        this.idempotency = enhanced.table(tableName, IdempotencyItem.SCHEMA);
    }

    @Override
    public long nextTicketNumber(String instanceId) {
        // ADD on one counter item never conflicts, so concurrent creates get distinct, consecutive numbers.
        UpdateItemResponse response = client.updateItem(r -> r
                .tableName(tableName)
                .key(Map.of("PK", AttributeValue.fromS(Keys.instance(instanceId)),
                        "SK", AttributeValue.fromS(Keys.COUNTER_SK)))
                .updateExpression("ADD #next :one SET #type = :type")
                .expressionAttributeNames(Map.of("#next", "next", "#type", "type"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":type", AttributeValue.fromS("ticketCounter")))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(response.attributes().get("next").n());
    }

    @Override
    public void create(Ticket ticket, Activity created) {
        create(ticket, created, null);
    }

    @Override
    public void create(Ticket ticket, Activity created, IdempotencyRecord record) {
        TransactWriteItemsEnhancedRequest.Builder request = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(tickets, put(TicketItem.class, TicketItem.from(ticket)))
                .addPutItem(aliases, put(TicketIdAliasItem.class,
                        TicketIdAliasItem.of(ticket.instanceId(), ticket.id(), ticket.ticketId())))
                .addPutItem(activities, put(ActivityItem.class, ActivityItem.from(created)));
        if (record != null) {
            request.addPutItem(idempotency, putIdempotency(record));
        }
        try {
            enhanced.transactWriteItems(request.build());
        } catch (TransactionCanceledException e) {
            if (committed(created)) {
                return;
            }
            if (record != null && Transactions.conditionFailedAt(e, 3)) {
                throw new IdempotencyKeyTakenException("Idempotency key " + record.key() + " is in use");
            }
            if (Transactions.conditionFailedAt(e, 0)) {
                throw new TicketNumberTakenException("Ticket " + ticket.ticketId() + " already exists");
            }
            if (Transactions.conditionFailed(e)) {
                throw new ConflictException("TicketAlreadyExists",
                        "Ticket " + ticket.ticketId() + " already exists; retry the request.");
            }
            throw e;
        }
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotencyRecord(String instanceId, String key) {
        IdempotencyItem item = idempotency.getItem(r -> r
                .key(Key.builder().partitionValue(Keys.idempotency(instanceId, key))
                        .sortValue(Keys.IDEMPOTENCY_SK).build())
                .consistentRead(true));
        return Optional.ofNullable(item).map(IdempotencyItem::toRecord);
    }

    /**
     * True when this very transaction was already applied: the SDK retries a transaction whose response was lost, and
     * an engine that ignores its ClientRequestToken then fails the retry's conditions. The activity's id is unique
     * to this attempt, so finding it proves the write happened; one consistent read, only on the failure path.
     */
    private boolean committed(Activity activity) {
        return activities.getItem(r -> r
                .key(Key.builder().partitionValue(Keys.ticket(activity.instanceId(), activity.ticketId()))
                        .sortValue(Keys.activity(activity.createdOn(), activity.id())).build())
                .consistentRead(true)) != null;
    }

    /** TTL deletes expired records only eventually, so an expired record counts as absent. */
    private static TransactPutItemEnhancedRequest<IdempotencyItem> putIdempotency(IdempotencyRecord record) {
        return TransactPutItemEnhancedRequest.builder(IdempotencyItem.class)
                .item(IdempotencyItem.from(record))
                .conditionExpression(Expression.builder()
                        .expression("attribute_not_exists(PK) OR #expiresAt < :now")
                        .expressionNames(Map.of("#expiresAt", "expiresAt"))
                        .expressionValues(Map.of(":now",
                                AttributeValue.fromN(Long.toString(Instant.now().getEpochSecond()))))
                        .build())
                .build();
    }

    @Override
    public Optional<Ticket> findByNumber(String instanceId, long ticketNumber) {
        TicketItem item = tickets.getItem(r -> r
                .key(Key.builder().partitionValue(Keys.ticket(instanceId, ticketNumber))
                        .sortValue(Keys.TICKET_SK).build())
                .consistentRead(true));
        return Optional.ofNullable(item).map(TicketItem::toTicket);
    }

    @Override
    public Optional<Ticket> findById(String instanceId, String id) {
        TicketIdAliasItem alias = aliases.getItem(r -> r
                .key(Key.builder().partitionValue(Keys.ticketIdAlias(instanceId, id))
                        .sortValue(Keys.TICKET_ID_SK).build())
                .consistentRead(true));
        if (alias == null) {
            return Optional.empty();
        }
        return findByNumber(instanceId, alias.ticketNumber);
    }

    @Override
    public void change(TicketChange change) {
        Ticket ticket = change.ticket();
        Expression sameVersion = Expression.builder()
                .expression("#version = :expected")
                .expressionNames(Map.of("#version", "version"))
                .expressionValues(Map.of(":expected", AttributeValue.fromN(Long.toString(change.expectedVersion()))))
                .build();
        TransactWriteItemsEnhancedRequest.Builder request = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(tickets, TransactPutItemEnhancedRequest.builder(TicketItem.class)
                        .item(TicketItem.from(ticket))
                        .conditionExpression(sameVersion)
                        .build())
                .addPutItem(activities, put(ActivityItem.class, ActivityItem.from(change.activity())));
        if (change.idempotency() != null) {
            request.addPutItem(idempotency, putIdempotency(change.idempotency()));
        }
        try {
            enhanced.transactWriteItems(request.build());
        } catch (TransactionCanceledException e) {
            if (committed(change.activity())) {
                return;
            }
            if (change.idempotency() != null && Transactions.conditionFailedAt(e, 2)) {
                throw new IdempotencyKeyTakenException("Idempotency key " + change.idempotency().key() + " is in use");
            }
            // Both a lost race on the version and a concurrent transaction on the same item mean "re-read and retry".
            if (Transactions.conditionFailed(e) || Transactions.conflicted(e)) {
                throw new VersionConflictException("Ticket " + ticket.ticketId() + " changed since version "
                        + change.expectedVersion());
            }
            throw e;
        }
    }

    @Override
    public ActivityPage activities(String instanceId, long ticketNumber, int limit, String continuationToken) {
        String pk = Keys.ticket(instanceId, ticketNumber);
        String fingerprint = "activities:" + ticketNumber;
        Map<String, AttributeValue> startKey = continuationToken == null
                ? null : tokens.decode(continuationToken, instanceId, fingerprint);
        // One extra item tells whether another page exists, so the last page never carries a token.
        QueryResponse response = client.query(r -> r
                .tableName(tableName)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk),
                        ":prefix", AttributeValue.fromS(Keys.ACTIVITY_PREFIX)))
                .scanIndexForward(true)
                .consistentRead(true)
                .exclusiveStartKey(startKey)
                .limit(limit + 1));
        List<Activity> items = new ArrayList<>();
        String next = null;
        for (Map<String, AttributeValue> raw : response.items()) {
            if (items.size() == limit) {
                Activity last = items.get(items.size() - 1);
                next = tokens.encode(instanceId, fingerprint, Map.of("PK", AttributeValue.fromS(pk),
                        "SK", AttributeValue.fromS(Keys.activity(last.createdOn(), last.id()))));
                break;
            }
            items.add(ActivityItem.SCHEMA.mapToItem(raw).toActivity());
        }
        return new ActivityPage(items, next);
    }

    private static <T> TransactPutItemEnhancedRequest<T> put(Class<T> type, T item) {
        return TransactPutItemEnhancedRequest.builder(type)
                .item(item)
                .conditionExpression(ITEM_DOES_NOT_EXIST)
                .build();
    }
}
