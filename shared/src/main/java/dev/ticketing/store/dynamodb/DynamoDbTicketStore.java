package dev.ticketing.store.dynamodb;

import dev.ticketing.model.Activity;
import dev.ticketing.model.Ticket;
import dev.ticketing.store.Page;
import dev.ticketing.store.AlreadyExistsException;
import dev.ticketing.store.IdempotencyKeyTakenException;
import dev.ticketing.store.IdempotencyRecord;
import dev.ticketing.store.RoundRobinTurnTakenException;
import dev.ticketing.store.TagCategoryChangedException;
import dev.ticketing.store.TicketChange;
import dev.ticketing.store.TicketCreation;
import dev.ticketing.store.TicketNumberTakenException;
import dev.ticketing.store.TicketStore;
import dev.ticketing.store.VersionConflictException;
import dev.ticketing.store.WriteConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** The ticket store on the single DynamoDB table. */
public final class DynamoDbTicketStore implements TicketStore {

    static final Expression ITEM_DOES_NOT_EXIST = Expression.builder()
            .expression("attribute_not_exists(PK)")
            .build();

    private final DynamoDbClient client;
    private final String tableName;
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
    public void create(TicketCreation creation) {
        Ticket ticket = creation.ticket();
        IdempotencyRecord record = creation.idempotency();
        List<TransactWriteItem> actions = new ArrayList<>(List.of(
                put(TicketItem.SCHEMA, TicketItem.from(ticket), ITEM_DOES_NOT_EXIST),
                put(TicketIdAliasItem.SCHEMA, TicketIdAliasItem.of(ticket.instanceId(), ticket.id(), ticket.ticketId()),
                        ITEM_DOES_NOT_EXIST),
                put(ActivityItem.SCHEMA, ActivityItem.from(creation.created()), ITEM_DOES_NOT_EXIST)));
        int idempotencyAt = addIdempotency(actions, record);
        // Before the tag categories, whose failures are told apart by position; it has no condition to fail.
        actions.add(TicketCounts.created(tableName, ticket));
        if (creation.automation() != null) {
            actions.add(put(ActivityItem.SCHEMA, ActivityItem.from(creation.automation()), ITEM_DOES_NOT_EXIST));
        }
        int turnAt = -1;
        if (creation.turn() != null) {
            actions.add(RoundRobinTurns.take(tableName, ticket.instanceId(), creation.turn()));
            turnAt = actions.size() - 1;
        }
        int firstTagCategory = actions.size();
        actions.addAll(TagAdditions.updates(tableName, ticket.instanceId(), creation.newTags()));
        try {
            client.transactWriteItems(r -> r.transactItems(actions));
        } catch (TransactionCanceledException e) {
            if (committed(creation.created())) {
                return;
            }
            if (idempotencyAt >= 0 && Transactions.conditionFailedAt(e, idempotencyAt)) {
                throw new IdempotencyKeyTakenException("Idempotency key " + record.key() + " is in use");
            }
            if (turnAt >= 0 && Transactions.failedAt(e, turnAt)) {
                throw new RoundRobinTurnTakenException("Round-robin turn " + creation.turn().turn() + " of rule "
                        + creation.turn().ruleId() + " was taken");
            }
            if (Transactions.conditionFailedAt(e, 0)) {
                throw new TicketNumberTakenException("Ticket " + ticket.ticketId() + " already exists");
            }
            if (Transactions.failedFrom(e, firstTagCategory)) {
                throw new TagCategoryChangedException("A tag category of ticket " + ticket.ticketId()
                        + " changed since it was validated");
            }
            if (Transactions.conditionFailed(e)) {
                throw new AlreadyExistsException("Ticket " + ticket.ticketId() + " already exists");
            }
            // E.g. a concurrent repeat of the request holding the idempotency record: nothing was written.
            if (Transactions.conflicted(e)) {
                throw new WriteConflictException("Ticket " + ticket.ticketId() + " met a concurrent write");
            }
            throw e;
        }
    }

    @Override
    public long roundRobinTurn(String instanceId, String ruleId) {
        return RoundRobinTurns.read(client, tableName, instanceId, ruleId);
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

    /**
     * Appends the Put of the request's idempotency record, when it has one; returns its index in the transaction
     * (whose cancellation reasons are positional), or -1.
     */
    private int addIdempotency(List<TransactWriteItem> actions, IdempotencyRecord record) {
        if (record == null) {
            return -1;
        }
        actions.add(put(IdempotencyItem.SCHEMA, IdempotencyItem.from(record), idempotencyFree()));
        return actions.size() - 1;
    }

    /** TTL deletes expired records only eventually, so an expired record counts as absent. */
    private static Expression idempotencyFree() {
        return Expression.builder()
                .expression("attribute_not_exists(PK) OR #expiresAt < :now")
                .expressionNames(Map.of("#expiresAt", "expiresAt"))
                .expressionValues(Map.of(":now", AttributeValue.fromN(Long.toString(Instant.now().getEpochSecond()))))
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
        List<TransactWriteItem> actions = new ArrayList<>(List.of(
                put(TicketItem.SCHEMA, TicketItem.from(ticket), sameVersion),
                put(ActivityItem.SCHEMA, ActivityItem.from(change.activity()), ITEM_DOES_NOT_EXIST)));
        int idempotencyAt = addIdempotency(actions, change.idempotency());
        // The version condition makes before's status and priority the ones the counts move away from.
        TicketCounts.changed(tableName, change.before(), ticket).ifPresent(actions::add);
        int firstTagCategory = actions.size();
        actions.addAll(TagAdditions.updates(tableName, ticket.instanceId(), change.newTags()));
        try {
            client.transactWriteItems(r -> r.transactItems(actions));
        } catch (TransactionCanceledException e) {
            if (committed(change.activity())) {
                return;
            }
            if (idempotencyAt >= 0 && Transactions.conditionFailedAt(e, idempotencyAt)) {
                throw new IdempotencyKeyTakenException("Idempotency key " + change.idempotency().key() + " is in use");
            }
            if (Transactions.failedFrom(e, firstTagCategory)) {
                throw new TagCategoryChangedException("A tag category of ticket " + ticket.ticketId()
                        + " changed since it was validated");
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
    public Page<Activity> activities(String instanceId, long ticketNumber, int limit, String continuationToken,
                                   boolean oldestFirst) {
        // The order is part of the query: a token of one order is refused by the other.
        String fingerprint = "activities:" + ticketNumber + (oldestFirst ? "" : ":newest-first");
        return CollectionPages.read(client, tableName, tokens, instanceId, Keys.ticket(instanceId, ticketNumber),
                Keys.ACTIVITY_PREFIX, fingerprint, oldestFirst, limit, continuationToken,
                raw -> ActivityItem.SCHEMA.mapToItem(raw).toActivity());
    }

    /** A Put of a mapped item, as the enhanced client would write it (null attributes left out). */
    private <T> TransactWriteItem put(TableSchema<T> schema, T item, Expression condition) {
        return TransactWriteItem.builder().put(p -> p
                        .tableName(tableName)
                        .item(schema.itemToMap(item, true))
                        .conditionExpression(condition.expression())
                        .expressionAttributeNames(condition.expressionNames())
                        .expressionAttributeValues(condition.expressionValues()))
                .build();
    }
}
