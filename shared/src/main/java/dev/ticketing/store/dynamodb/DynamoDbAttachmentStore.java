package dev.ticketing.store.dynamodb;

import dev.ticketing.model.Activity;
import dev.ticketing.model.Attachment;
import dev.ticketing.model.Ticket;
import dev.ticketing.store.AttachmentRecord;
import dev.ticketing.store.AttachmentStore;
import dev.ticketing.store.Page;
import dev.ticketing.store.PendingUpload;
import dev.ticketing.store.UploadNotPendingException;
import dev.ticketing.store.VersionConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Attachment metadata on the single table, in the ticket's item collection: the attachments, the pending uploads,
 * and, in a partition of its own, an alias from each attachment activity's id to its ticket.
 */
public final class DynamoDbAttachmentStore implements AttachmentStore {

    private static final String NOT_EXISTS = "attribute_not_exists(PK)";

    private final DynamoDbClient client;
    private final String tableName;
    private final ContinuationTokens tokens;

    public DynamoDbAttachmentStore(DynamoDbClient client, String tableName, ContinuationTokens tokens) {
        this.client = client;
        this.tableName = tableName;
        this.tokens = tokens;
    }

    @Override
    public void record(AttachmentRecord record) {
        Ticket ticket = record.ticket();
        Activity activity = record.activity();
        List<TransactWriteItem> actions = new ArrayList<>();
        actions.add(put(TicketItem.SCHEMA, TicketItem.from(ticket), "#version = :expected",
                Map.of("#version", "version"),
                Map.of(":expected", AttributeValue.fromN(Long.toString(record.expectedVersion())))));
        actions.add(put(ActivityItem.SCHEMA, ActivityItem.from(activity), NOT_EXISTS, Map.of(), Map.of()));
        actions.add(put(ActivityAliasItem.SCHEMA, ActivityAliasItem.of(activity), NOT_EXISTS, Map.of(), Map.of()));
        for (Attachment attachment : record.attachments()) {
            actions.add(put(AttachmentItem.SCHEMA, AttachmentItem.from(attachment), NOT_EXISTS, Map.of(), Map.of()));
        }
        int uploadAt = -1;
        if (record.completes() != null) {
            uploadAt = actions.size();
            actions.add(completion(record.completes(), activity.id()));
        }
        try {
            client.transactWriteItems(r -> r.transactItems(actions));
        } catch (TransactionCanceledException e) {
            if (committed(activity)) {
                return;
            }
            if (uploadAt >= 0 && Transactions.conditionFailedAt(e, uploadAt)) {
                throw new UploadNotPendingException("Upload " + record.completes().id() + " is no longer pending");
            }
            if (Transactions.conditionFailed(e) || Transactions.conflicted(e)) {
                throw new VersionConflictException("Ticket " + ticket.ticketId() + " changed since version "
                        + record.expectedVersion());
            }
            throw e;
        }
    }

    /** Marks the upload completed by the activity, only while it is still pending. */
    private TransactWriteItem completion(PendingUpload upload, String activityId) {
        return TransactWriteItem.builder().update(u -> u
                        .tableName(tableName)
                        .key(key(Keys.ticket(upload.instanceId(), upload.ticketId()), Keys.upload(upload.id())))
                        .updateExpression("SET #completed = :activity")
                        .conditionExpression("attribute_exists(PK) AND attribute_not_exists(#completed)")
                        .expressionAttributeNames(Map.of("#completed", PendingUploadItem.COMPLETED_ACTIVITY_ID))
                        .expressionAttributeValues(Map.of(":activity", AttributeValue.fromS(activityId))))
                .build();
    }

    /** As in the ticket store: a retried transaction whose first attempt was applied finds its activity. */
    private boolean committed(Activity activity) {
        return client.getItem(r -> r.tableName(tableName)
                .key(key(Keys.ticket(activity.instanceId(), activity.ticketId()),
                        Keys.activity(activity.createdOn(), activity.id())))
                .consistentRead(true)).hasItem();
    }

    @Override
    public Page<Attachment> attachments(String instanceId, long ticketNumber, int limit, String continuationToken) {
        return CollectionPages.read(client, tableName, tokens, instanceId, Keys.ticket(instanceId, ticketNumber),
                Keys.ATTACHMENT_PREFIX, "attachments:" + ticketNumber, true, limit, continuationToken,
                raw -> AttachmentItem.SCHEMA.mapToItem(raw).toAttachment());
    }

    @Override
    public Optional<List<Attachment>> activityAttachments(String instanceId, String activityId) {
        Map<String, AttributeValue> raw = client.getItem(r -> r.tableName(tableName)
                .key(key(Keys.activityIdAlias(instanceId, activityId), Keys.ACTIVITY_ID_SK))
                .consistentRead(true)).item();
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        ActivityAliasItem alias = ActivityAliasItem.SCHEMA.mapToItem(raw);
        String pk = Keys.ticket(instanceId, alias.ticketId);
        String prefix = Keys.attachmentsOf(TicketItem.instant(alias.createdOn), activityId);
        List<Attachment> attachments = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> from = startKey;
            QueryResponse page = client.query(r -> r
                    .tableName(tableName)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk),
                            ":prefix", AttributeValue.fromS(prefix)))
                    .consistentRead(true)
                    .exclusiveStartKey(from));
            page.items().forEach(item -> attachments.add(AttachmentItem.SCHEMA.mapToItem(item).toAttachment()));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                    ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return Optional.of(attachments);
    }

    @Override
    public void startUpload(PendingUpload upload) {
        client.putItem(r -> r.tableName(tableName)
                .item(PendingUploadItem.SCHEMA.itemToMap(PendingUploadItem.from(upload), true))
                .conditionExpression(NOT_EXISTS));
    }

    @Override
    public Optional<PendingUpload> findUpload(String instanceId, long ticketNumber, String uploadId) {
        Map<String, AttributeValue> raw = client.getItem(r -> r.tableName(tableName)
                .key(key(Keys.ticket(instanceId, ticketNumber), Keys.upload(uploadId)))
                .consistentRead(true)).item();
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PendingUploadItem.SCHEMA.mapToItem(raw).toUpload());
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
    }

    /** A Put of a mapped item, as the enhanced client would write it (null attributes left out). */
    private <T> TransactWriteItem put(TableSchema<T> schema, T item, String condition, Map<String, String> names,
                                      Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().put(p -> p
                        .tableName(tableName)
                        .item(schema.itemToMap(item, true))
                        .conditionExpression(condition)
                        .expressionAttributeNames(names.isEmpty() ? null : names)
                        .expressionAttributeValues(values.isEmpty() ? null : values))
                .build();
    }
}
