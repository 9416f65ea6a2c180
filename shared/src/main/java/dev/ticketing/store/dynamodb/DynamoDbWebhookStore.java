package dev.ticketing.store.dynamodb;

import dev.ticketing.model.Delivery;
import dev.ticketing.model.DeliveryAttempt;
import dev.ticketing.model.Webhook;
import dev.ticketing.store.Page;
import dev.ticketing.store.WebhookStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Webhooks in the single table: subscriptions in {@code INSTANCE#<id>#WEBHOOKS}, each webhook's deliveries and
 * attempts in {@code INSTANCE#<id>#WEBHOOK#<webhookId>} (docs/data-model.md, "Webhooks").
 */
public final class DynamoDbWebhookStore implements WebhookStore {

    private final DynamoDbClient client;
    private final String tableName;
    private final ContinuationTokens tokens;
    private final DynamoDbTable<WebhookItem> webhooks;
    private final DynamoDbTable<DeliveryItem> deliveries;
    private final DynamoDbTable<DeliveryAttemptItem> attempts;

    public DynamoDbWebhookStore(DynamoDbClient client, String tableName, ContinuationTokens tokens) {
        this.client = client;
        this.tableName = tableName;
        this.tokens = tokens;
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        this.webhooks = enhanced.table(tableName, WebhookItem.SCHEMA);
        this.deliveries = enhanced.table(tableName, DeliveryItem.SCHEMA);
        this.attempts = enhanced.table(tableName, DeliveryAttemptItem.SCHEMA);
    }

    @Override
    public void create(Webhook webhook) {
        webhooks.putItem(r -> r.item(WebhookItem.from(webhook)).conditionExpression(notExists()));
    }

    @Override
    public List<Webhook> list(String instanceId) {
        return webhooks.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                                .partitionValue(Keys.webhooks(instanceId)).sortValue(Keys.WEBHOOK_PREFIX).build()))
                        .consistentRead(true).build())
                .items().stream().map(WebhookItem::toWebhook)
                .sorted((a, b) -> a.createdOn().compareTo(b.createdOn())).toList();
    }

    @Override
    public Optional<Webhook> find(String instanceId, String webhookId) {
        return Optional.ofNullable(webhooks.getItem(r -> r.key(k -> k.partitionValue(Keys.webhooks(instanceId))
                .sortValue(Keys.webhook(webhookId))).consistentRead(true))).map(WebhookItem::toWebhook);
    }

    @Override
    public boolean delete(String instanceId, String webhookId) {
        DeleteItemResponse response = client.deleteItem(r -> r.tableName(tableName)
                .key(Map.of("PK", AttributeValue.fromS(Keys.webhooks(instanceId)),
                        "SK", AttributeValue.fromS(Keys.webhook(webhookId))))
                .returnValues(ReturnValue.ALL_OLD));
        return response.hasAttributes() && !response.attributes().isEmpty();
    }

    @Override
    public boolean createDelivery(Delivery delivery) {
        try {
            deliveries.putItem(r -> r.item(DeliveryItem.from(delivery)).conditionExpression(notExists()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<Delivery> findDelivery(String instanceId, String webhookId, String deliveryId) {
        return Optional.ofNullable(deliveries.getItem(r -> r.key(k -> k
                .partitionValue(Keys.webhook(instanceId, webhookId)).sortValue(Keys.delivery(deliveryId)))
                .consistentRead(true))).map(DeliveryItem::toDelivery);
    }

    @Override
    public void recordAttempt(DeliveryAttempt attempt) {
        attempts.putItem(DeliveryAttemptItem.from(attempt));
    }

    @Override
    public Page<DeliveryAttempt> attempts(String instanceId, String webhookId, int limit, String continuationToken) {
        return CollectionPages.read(client, tableName, tokens, instanceId, Keys.webhook(instanceId, webhookId),
                Keys.DELIVERY_ATTEMPT_PREFIX, "deliveries:" + webhookId, false, limit, continuationToken,
                raw -> DeliveryAttemptItem.SCHEMA.mapToItem(raw).toAttempt());
    }

    private static Expression notExists() {
        return Expression.builder().expression("attribute_not_exists(PK)").build();
    }
}
