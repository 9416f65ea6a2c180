package dev.ticketing.store.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ticketing.json.Json;
import dev.ticketing.model.Instance;
import dev.ticketing.model.TagCategory;
import dev.ticketing.store.AlreadyExistsException;
import dev.ticketing.store.ApiKeyOwner;
import dev.ticketing.store.ApiKeySlot;
import dev.ticketing.store.InstanceNotFoundException;
import dev.ticketing.store.InstancePage;
import dev.ticketing.store.InstanceStore;
import dev.ticketing.store.VersionConflictException;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The instance store on the single DynamoDB table. */
public final class DynamoDbInstanceStore implements InstanceStore {

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<InstanceItem> instances;
    private final DynamoDbTable<ApiKeyItem> apiKeys;
    private final DynamoDbTable<TagCategoryItem> tagCategories;
    private final DynamoDbTable<InstanceEntryItem> directory;
    private final DynamoDbTable<TicketCounts.ReadyItem> countsReady;

    public DynamoDbInstanceStore(DynamoDbEnhancedClient enhanced, String tableName) {
        this.enhanced = enhanced;
        this.instances = enhanced.table(tableName, InstanceItem.SCHEMA);
        this.apiKeys = enhanced.table(tableName, ApiKeyItem.SCHEMA);
        this.tagCategories = enhanced.table(tableName, TagCategoryItem.SCHEMA);
        this.directory = enhanced.table(tableName, InstanceEntryItem.SCHEMA);
        this.countsReady = enhanced.table(tableName, TicketCounts.ReadyItem.SCHEMA);
    }

    @Override
    public void create(Instance instance, List<TagCategory> categories, String primaryKeyHash,
                       String secondaryKeyHash, String usageIdentifierKey) {
        InstanceItem item = new InstanceItem();
        item.pk = Keys.instance(instance.id());
        item.sk = Keys.INSTANCE_SK;
        item.type = InstanceItem.TYPE;
        item.instanceId = instance.id();
        item.name = instance.name();
        item.enabled = instance.enabled();
        item.definition = Json.MAPPER.valueToTree(instance);
        item.primaryKeyHash = primaryKeyHash;
        item.secondaryKeyHash = secondaryKeyHash;
        item.version = 1L;

        TransactWriteItemsEnhancedRequest.Builder tx = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(instances, putNew(InstanceItem.class, item))
                .addPutItem(apiKeys, putNew(ApiKeyItem.class,
                        keyItem(instance.id(), ApiKeySlot.primary, primaryKeyHash, usageIdentifierKey)))
                .addPutItem(apiKeys, putNew(ApiKeyItem.class,
                        keyItem(instance.id(), ApiKeySlot.secondary, secondaryKeyHash, usageIdentifierKey)))
                .addPutItem(directory, putNew(InstanceEntryItem.class, entryItem(instance.id())))
                // A new instance has no ticket: its ticket counts are complete from the start.
                .addPutItem(countsReady, putNew(TicketCounts.ReadyItem.class,
                        TicketCounts.ReadyItem.of(instance.id(), Keys.instant(Instant.now()))));
        for (TagCategory category : categories) {
            tx.addPutItem(tagCategories, putNew(TagCategoryItem.class, TagCategoryItem.from(category, 1)));
        }
        try {
            enhanced.transactWriteItems(tx.build());
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e)) {
                throw new AlreadyExistsException(
                        "Instance " + instance.id() + " or one of its tag categories already exists.");
            }
            throw e;
        }
    }

    @Override
    public Optional<Instance> find(String instanceId) {
        return Optional.ofNullable(instanceItem(instanceId)).map(DynamoDbInstanceStore::toInstance);
    }

    @Override
    public InstancePage list(int limit, Optional<String> after) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        // One entry more than asked says whether another page exists; the cursor is the last id returned, a valid
        // ExclusiveStartKey whether or not DynamoDB stopped there.
        Page<InstanceEntryItem> page = directory.query(r -> {
            r.queryConditional(QueryConditional.keyEqualTo(Key.builder()
                            .partitionValue(Keys.INSTANCE_DIRECTORY_PK).build()))
                    .limit(limit + 1);
            after.ifPresent(id -> r.exclusiveStartKey(Map.of(
                    "PK", AttributeValue.fromS(Keys.INSTANCE_DIRECTORY_PK),
                    "SK", AttributeValue.fromS(Keys.instanceEntry(id)))));
        }).iterator().next();
        List<InstanceEntryItem> entries = page.items();
        List<Instance> found = new ArrayList<>();
        for (InstanceEntryItem entry : entries.subList(0, Math.min(limit, entries.size()))) {
            find(entry.instanceId).ifPresent(found::add);
        }
        Optional<String> next = entries.size() > limit
                ? Optional.of(entries.get(limit - 1).instanceId) : Optional.empty();
        return new InstancePage(found, next);
    }

    @Override
    public Optional<ApiKeyOwner> findByKeyHash(String keyHash) {
        ApiKeyItem item = apiKeys.getItem(r -> r
                .key(Key.builder().partitionValue(Keys.apiKey(keyHash)).sortValue(Keys.API_KEY_SK).build())
                .consistentRead(true));
        if (item == null) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeyOwner(item.instanceId, ApiKeySlot.valueOf(item.slot), item.usageIdentifierKey));
    }

    @Override
    public void replaceKey(String instanceId, ApiKeySlot slot, String newKeyHash) {
        InstanceItem instance = instanceItem(instanceId);
        if (instance == null) {
            throw new InstanceNotFoundException("Instance " + instanceId + " does not exist.");
        }
        String oldHash = slot == ApiKeySlot.primary ? instance.primaryKeyHash : instance.secondaryKeyHash;
        ApiKeyItem oldKey = apiKeys.getItem(r -> r.key(apiKeyKey(oldHash)).consistentRead(true));
        String usageKey = oldKey == null ? null : oldKey.usageIdentifierKey;
        String hashAttribute = slot == ApiKeySlot.primary ? "primaryKeyHash" : "secondaryKeyHash";

        InstanceItem update = instance.nextVersion();
        if (slot == ApiKeySlot.primary) {
            update.primaryKeyHash = newKeyHash;
        } else {
            update.secondaryKeyHash = newKeyHash;
        }

        // The instance item's version and old hash are conditions, so two concurrent rotations cannot
        // both succeed and leave a key item that the instance no longer points to.
        Expression unchanged = Expression.builder()
                .expression("#version = :version AND #hash = :hash")
                .expressionNames(Map.of("#version", "version", "#hash", hashAttribute))
                .expressionValues(Map.of(":version", AttributeValue.fromN(Long.toString(instance.version)),
                        ":hash", AttributeValue.fromS(oldHash)))
                .build();
        TransactWriteItemsEnhancedRequest tx = TransactWriteItemsEnhancedRequest.builder()
                .addUpdateItem(instances, TransactUpdateItemEnhancedRequest.builder(InstanceItem.class)
                        .item(update).conditionExpression(unchanged).build())
                .addDeleteItem(apiKeys, TransactDeleteItemEnhancedRequest.builder().key(apiKeyKey(oldHash)).build())
                .addPutItem(apiKeys, putNew(ApiKeyItem.class, keyItem(instanceId, slot, newKeyHash, usageKey)))
                .build();
        try {
            enhanced.transactWriteItems(tx);
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e)) {
                throw new VersionConflictException(
                        "The instance's keys changed while rotating; run the rotation again.");
            }
            throw e;
        }
    }

    @Override
    public List<TagCategory> tagCategories(String instanceId) {
        return tagCategories.query(r -> r
                        .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                                .partitionValue(Keys.instance(instanceId))
                                .sortValue(Keys.TAG_CATEGORY_PREFIX).build()))
                        .consistentRead(true))
                .items().stream()
                .map(TagCategoryItem::toTagCategory)
                .toList();
    }

    @Override
    public Instance updateDefinition(String instanceId, UnaryOperator<Instance> change) {
        InstanceItem current = instanceItem(instanceId);
        if (current == null) {
            throw new InstanceNotFoundException("Instance " + instanceId + " does not exist.");
        }
        Instance changed = change.apply(toInstance(current));
        if (!instanceId.equals(changed.id())) {
            throw new IllegalArgumentException("an instance's id cannot change");
        }
        InstanceItem update = current.nextVersion();
        update.name = changed.name();
        update.enabled = changed.enabled();
        update.definition = Json.MAPPER.valueToTree(changed);
        try {
            instances.putItem(r -> r.item(update).conditionExpression(versionIs(current.version)));
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflictException(
                    "Instance " + instanceId + " changed while it was being updated; run the command again.");
        }
        return changed;
    }

    @Override
    public TagCategory updateTagCategory(String instanceId, String tagCategoryId,
                                         Function<Optional<TagCategory>, TagCategory> change) {
        TagCategoryItem current = tagCategories.getItem(r -> r
                .key(Key.builder().partitionValue(Keys.instance(instanceId))
                        .sortValue(Keys.tagCategory(tagCategoryId)).build())
                .consistentRead(true));
        TagCategory changed = change.apply(Optional.ofNullable(current).map(TagCategoryItem::toTagCategory));
        if (!tagCategoryId.equals(changed.id()) || !instanceId.equals(changed.instanceId())) {
            throw new IllegalArgumentException("a tag category's id and instance cannot change");
        }
        long version = current == null ? 1 : current.version + 1;
        Expression condition = current == null ? DynamoDbTicketStore.ITEM_DOES_NOT_EXIST : versionIs(current.version);
        try {
            tagCategories.putItem(r -> r.item(TagCategoryItem.from(changed, version)).conditionExpression(condition));
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflictException(
                    "Tag category " + tagCategoryId + " changed while it was being updated; run the command again.");
        }
        return changed;
    }

    private static Expression versionIs(long version) {
        return Expression.builder()
                .expression("#version = :version")
                .expressionNames(Map.of("#version", "version"))
                .expressionValues(Map.of(":version", AttributeValue.fromN(Long.toString(version))))
                .build();
    }

    private InstanceItem instanceItem(String instanceId) {
        return instances.getItem(r -> r
                .key(Key.builder().partitionValue(Keys.instance(instanceId)).sortValue(Keys.INSTANCE_SK).build())
                .consistentRead(true));
    }

    private static Instance toInstance(InstanceItem item) {
        try {
            return Json.MAPPER.treeToValue(item.definition, Instance.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored definition of instance " + item.instanceId + " is unreadable", e);
        }
    }

    private static Key apiKeyKey(String keyHash) {
        return Key.builder().partitionValue(Keys.apiKey(keyHash)).sortValue(Keys.API_KEY_SK).build();
    }

    private static ApiKeyItem keyItem(String instanceId, ApiKeySlot slot, String hash, String usageKey) {
        ApiKeyItem item = new ApiKeyItem();
        item.pk = Keys.apiKey(hash);
        item.sk = Keys.API_KEY_SK;
        item.type = ApiKeyItem.TYPE;
        item.instanceId = instanceId;
        item.slot = slot.name();
        item.usageIdentifierKey = usageKey;
        item.createdOn = Keys.instant(Instant.now());
        return item;
    }

    private static InstanceEntryItem entryItem(String instanceId) {
        InstanceEntryItem item = new InstanceEntryItem();
        item.pk = Keys.INSTANCE_DIRECTORY_PK;
        item.sk = Keys.instanceEntry(instanceId);
        item.type = InstanceEntryItem.TYPE;
        item.instanceId = instanceId;
        item.createdOn = Keys.instant(Instant.now());
        return item;
    }

    private static <T> TransactPutItemEnhancedRequest<T> putNew(Class<T> type, T item) {
        return TransactPutItemEnhancedRequest.builder(type)
                .item(item)
                .conditionExpression(DynamoDbTicketStore.ITEM_DOES_NOT_EXIST)
                .build();
    }
}
