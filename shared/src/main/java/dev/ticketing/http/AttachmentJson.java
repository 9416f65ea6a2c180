package dev.ticketing.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.Json;
import dev.ticketing.model.Activity;
import dev.ticketing.model.Attachment;
import dev.ticketing.model.User;
import dev.ticketing.service.AttachmentActivity;
import dev.ticketing.service.ResolvedAttachment;
import dev.ticketing.service.UploadGrant;
import dev.ticketing.validation.AttachmentTypes;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders attachments, attachment activities and upload URLs in the shapes the live API's clients read: an
 * attachment's {@code createdBy} is a string (the person's name), and an attachment activity names its ticket by
 * {@code ticketId} (the ticket's UUID) and {@code ticketNo}, as the live API does; date-times in the caller's offset.
 */
public final class AttachmentJson {

    private AttachmentJson() {
    }

    public static ObjectNode attachment(ResolvedAttachment resolved, ZoneOffset offset) {
        Attachment a = resolved.attachment();
        ObjectNode n = Json.object();
        n.put("id", a.id());
        n.put("activityId", a.activityId());
        n.put("filename", a.fileName());
        n.put("caption", a.isFile() ? a.fileName() : a.caption());
        n.put("src", resolved.url());
        if (resolved.urlExpiresOn() != null) {
            n.put("srcExpiresOn", TicketJson.dateTime(resolved.urlExpiresOn(), offset));
        }
        n.put("contentType", a.contentType());
        if (a.isFile()) {
            n.put("size", a.size());
        } else {
            n.putNull("size");
        }
        n.put("isHyperlink", !a.isFile());
        n.put("isImage", AttachmentTypes.isImage(a.contentType()));
        n.put("isArchive", AttachmentTypes.isArchive(a.contentType()));
        n.put("isPrivate", a.isPrivate());
        n.put("createdDateTime", TicketJson.dateTime(a.createdOn(), offset));
        n.put("createdBy", createdBy(a.user()));
        n.set("user", TicketJson.user(a.user()));
        return n;
    }

    /** The activity a post recorded, with its attachments and their URLs. */
    public static ObjectNode activity(AttachmentActivity recorded, ZoneOffset offset) {
        Activity a = recorded.activity();
        ObjectNode n = Json.object();
        n.put("activityId", a.id());
        n.put("id", a.id());
        n.put("ticketId", recorded.ticket().id());
        n.put("ticketNo", a.ticketId());
        n.put("type", a.type().name());
        n.set("comment", a.details().path("comment").deepCopy());
        n.put("isPrivate", a.details().path("isPrivate").asBoolean(false));
        n.set("user", TicketJson.user(a.user()));
        n.put("createdOn", TicketJson.dateTime(a.createdOn(), offset));
        ArrayNode attachments = n.putArray("attachments");
        recorded.attachments().forEach(r -> attachments.add(attachment(r, offset)));
        return n;
    }

    public static ObjectNode upload(UploadGrant grant, ZoneOffset offset) {
        ObjectNode n = Json.object();
        n.put("uploadId", grant.uploadId());
        n.put("url", grant.target().url().toString());
        n.put("method", grant.target().method());
        ObjectNode headers = n.putObject("headers");
        Map<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(grant.target().headers());
        sorted.forEach(headers::put);
        n.put("expiresOn", TicketJson.dateTime(grant.target().expiresOn(), offset));
        n.put("fileName", grant.fileName());
        n.put("contentType", grant.contentType());
        n.put("size", grant.size());
        return n;
    }

    /** The live API gives the creator as one string: the person's name, else their id. */
    private static String createdBy(User user) {
        if (user == null) {
            return null;
        }
        return user.name() == null || user.name().isBlank() ? user.id() : user.name();
    }
}
