package dev.ticketing.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.model.Attachment;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** An attachment as stored: in its ticket's partition, sorted by time, then by activity and position. */
final class AttachmentItem {

    static final String TYPE = "attachment";

    String pk;
    String sk;
    String type;
    String instanceId;
    Long ticketId;
    String id;
    String activityId;
    Long position;
    String kind;
    String caption;
    String src;
    String fileName;
    String contentType;
    Long size;
    Boolean isPrivate;
    JsonNode user;
    String createdOn;

    static final TableSchema<AttachmentItem> SCHEMA = schema();

    private static TableSchema<AttachmentItem> schema() {
        StaticTableSchema.Builder<AttachmentItem> s = StaticTableSchema.builder(AttachmentItem.class)
                .newItemSupplier(AttachmentItem::new);
        Attributes.partitionKey(s, i -> i.pk, (i, v) -> i.pk = v);
        Attributes.sortKey(s, i -> i.sk, (i, v) -> i.sk = v);
        Attributes.string(s, "type", i -> i.type, (i, v) -> i.type = v);
        Attributes.string(s, "instanceId", i -> i.instanceId, (i, v) -> i.instanceId = v);
        Attributes.number(s, "ticketId", i -> i.ticketId, (i, v) -> i.ticketId = v);
        Attributes.string(s, "id", i -> i.id, (i, v) -> i.id = v);
        Attributes.string(s, "activityId", i -> i.activityId, (i, v) -> i.activityId = v);
        Attributes.number(s, "position", i -> i.position, (i, v) -> i.position = v);
        Attributes.string(s, "kind", i -> i.kind, (i, v) -> i.kind = v);
        Attributes.string(s, "caption", i -> i.caption, (i, v) -> i.caption = v);
        Attributes.string(s, "src", i -> i.src, (i, v) -> i.src = v);
        Attributes.string(s, "fileName", i -> i.fileName, (i, v) -> i.fileName = v);
        Attributes.string(s, "contentType", i -> i.contentType, (i, v) -> i.contentType = v);
        Attributes.number(s, "size", i -> i.size, (i, v) -> i.size = v);
        Attributes.bool(s, "isPrivate", i -> i.isPrivate, (i, v) -> i.isPrivate = v);
        Attributes.json(s, "user", i -> i.user, (i, v) -> i.user = v);
        Attributes.string(s, "createdOn", i -> i.createdOn, (i, v) -> i.createdOn = v);
        return s.build();
    }

    static AttachmentItem from(Attachment a) {
        AttachmentItem i = new AttachmentItem();
        i.pk = Keys.ticket(a.instanceId(), a.ticketId());
        i.sk = Keys.attachment(a.createdOn(), a.activityId(), a.index());
        i.type = TYPE;
        i.instanceId = a.instanceId();
        i.ticketId = a.ticketId();
        i.id = a.id();
        i.activityId = a.activityId();
        i.position = (long) a.index();
        i.kind = a.kind().name();
        i.caption = a.caption();
        i.src = a.src();
        i.fileName = a.fileName();
        i.contentType = a.contentType();
        i.size = a.isFile() ? a.size() : null;
        i.isPrivate = a.isPrivate();
        i.user = TicketItem.user(a.user());
        i.createdOn = TicketItem.instant(a.createdOn());
        return i;
    }

    Attachment toAttachment() {
        return new Attachment(instanceId, ticketId, id, activityId, position.intValue(), Attachment.Kind.valueOf(kind),
                caption, src, fileName, contentType, size == null ? 0 : size, Boolean.TRUE.equals(isPrivate),
                TicketItem.user(user), TicketItem.instant(createdOn));
    }
}
