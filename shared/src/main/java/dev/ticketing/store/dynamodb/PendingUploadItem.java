package dev.ticketing.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.store.PendingUpload;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** An upload URL handed out, in its ticket's partition; {@code expiresAt} is epoch seconds, the table's TTL. */
final class PendingUploadItem {

    static final String TYPE = "upload";
    static final String COMPLETED_ACTIVITY_ID = "completedActivityId";

    String pk;
    String sk;
    String type;
    String instanceId;
    Long ticketId;
    String id;
    String fileName;
    String contentType;
    Long size;
    String comment;
    Boolean isPrivate;
    JsonNode user;
    String createdOn;
    Long expiresAt;
    String completedActivityId;

    static final TableSchema<PendingUploadItem> SCHEMA = schema();

    private static TableSchema<PendingUploadItem> schema() {
        StaticTableSchema.Builder<PendingUploadItem> s = StaticTableSchema.builder(PendingUploadItem.class)
                .newItemSupplier(PendingUploadItem::new);
        Attributes.partitionKey(s, i -> i.pk, (i, v) -> i.pk = v);
        Attributes.sortKey(s, i -> i.sk, (i, v) -> i.sk = v);
        Attributes.string(s, "type", i -> i.type, (i, v) -> i.type = v);
        Attributes.string(s, "instanceId", i -> i.instanceId, (i, v) -> i.instanceId = v);
        Attributes.number(s, "ticketId", i -> i.ticketId, (i, v) -> i.ticketId = v);
        Attributes.string(s, "id", i -> i.id, (i, v) -> i.id = v);
        Attributes.string(s, "fileName", i -> i.fileName, (i, v) -> i.fileName = v);
        Attributes.string(s, "contentType", i -> i.contentType, (i, v) -> i.contentType = v);
        Attributes.number(s, "size", i -> i.size, (i, v) -> i.size = v);
        Attributes.string(s, "comment", i -> i.comment, (i, v) -> i.comment = v);
        Attributes.bool(s, "isPrivate", i -> i.isPrivate, (i, v) -> i.isPrivate = v);
        Attributes.json(s, "user", i -> i.user, (i, v) -> i.user = v);
        Attributes.string(s, "createdOn", i -> i.createdOn, (i, v) -> i.createdOn = v);
        Attributes.number(s, "expiresAt", i -> i.expiresAt, (i, v) -> i.expiresAt = v);
        Attributes.string(s, COMPLETED_ACTIVITY_ID, i -> i.completedActivityId, (i, v) -> i.completedActivityId = v);
        return s.build();
    }

    static PendingUploadItem from(PendingUpload u) {
        PendingUploadItem i = new PendingUploadItem();
        i.pk = Keys.ticket(u.instanceId(), u.ticketId());
        i.sk = Keys.upload(u.id());
        i.type = TYPE;
        i.instanceId = u.instanceId();
        i.ticketId = u.ticketId();
        i.id = u.id();
        i.fileName = u.fileName();
        i.contentType = u.contentType();
        i.size = u.size();
        i.comment = u.comment();
        i.isPrivate = u.isPrivate();
        i.user = TicketItem.user(u.user());
        i.createdOn = TicketItem.instant(u.createdOn());
        i.expiresAt = u.expiresAt().getEpochSecond();
        i.completedActivityId = u.completedActivityId();
        return i;
    }

    PendingUpload toUpload() {
        return new PendingUpload(instanceId, ticketId, id, fileName, contentType, size, comment,
                Boolean.TRUE.equals(isPrivate), TicketItem.user(user), TicketItem.instant(createdOn),
                Instant.ofEpochSecond(expiresAt), completedActivityId);
    }
}
