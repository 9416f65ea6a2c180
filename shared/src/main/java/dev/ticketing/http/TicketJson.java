package dev.ticketing.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.Json;
import dev.ticketing.model.Activity;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.TicketTag;
import dev.ticketing.model.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Renders tickets and activities as the reference's ITicket and IActivity, date-times in the caller's offset. */
public final class TicketJson {

    /** Every ITicket field, in the order they are written. */
    public static final List<String> TICKET_FIELDS = List.of("id", "ticketId", "title", "description", "status",
            "requestor", "customFields", "priority", "assignee", "expectedDate", "resolution", "firstResponseOn",
            "firstResolutionOn", "lastResolutionOn", "createdOn", "tags", "lastUpdatedOn", "isFrtEscalated",
            "isRtEscalated", "createdBy", "lastUpdatedBy", "lastResolutionComment", "lastInteraction");

    private TicketJson() {
    }

    public static ObjectNode ticket(Ticket t, ZoneOffset offset) {
        ObjectNode n = Json.object();
        n.put("id", t.id());
        n.put("ticketId", t.ticketId());
        n.put("title", t.title());
        n.put("description", t.description());
        n.put("status", t.status().name());
        n.set("requestor", user(t.requestor()));
        n.set("customFields", t.customFields() == null ? Json.object() : t.customFields().deepCopy());
        n.put("priority", t.priority().name());
        n.set("assignee", user(t.assignee()));
        n.put("expectedDate", dateTime(t.expectedDate(), offset));
        n.put("resolution", t.resolution());
        n.put("firstResponseOn", dateTime(t.firstResponseOn(), offset));
        n.put("firstResolutionOn", dateTime(t.firstResolutionOn(), offset));
        n.put("lastResolutionOn", dateTime(t.lastResolutionOn(), offset));
        n.put("createdOn", dateTime(t.createdOn(), offset));
        n.set("tags", tags(t.tags()));
        n.put("lastUpdatedOn", dateTime(t.lastUpdatedOn(), offset));
        n.put("isFrtEscalated", t.isFrtEscalated());
        n.put("isRtEscalated", t.isRtEscalated());
        n.set("createdBy", user(t.createdBy()));
        n.set("lastUpdatedBy", user(t.lastUpdatedBy()));
        n.put("lastResolutionComment", t.lastResolutionComment());
        n.put("lastInteraction", dateTime(t.lastInteraction(), offset));
        return n;
    }

    public static ObjectNode activity(Activity a, ZoneOffset offset) {
        ObjectNode n = Json.object();
        n.put("id", a.id());
        n.put("ticketId", a.ticketId());
        n.put("type", a.type().name());
        n.set("user", user(a.user()));
        n.put("createdOn", dateTime(a.createdOn(), offset));
        a.details().properties().forEach(e -> n.set(e.getKey(), e.getValue().deepCopy()));
        return n;
    }

    public static ObjectNode user(User user) {
        if (user == null) {
            return null;
        }
        ObjectNode n = Json.object();
        n.put("id", user.id());
        n.put("name", user.name());
        n.put("email", user.email());
        return n;
    }

    private static ArrayNode tags(List<TicketTag> tags) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        tags.forEach(t -> array.addObject().put("tagCategoryId", t.tagCategoryId()).put("text", t.text()));
        return array;
    }

    /** ISO-8601 with the offset, e.g. {@code 2023-07-26T17:00:00Z} or {@code 2023-07-27T00:00:00+07:00}. */
    public static String dateTime(Instant instant, ZoneOffset offset) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(offset));
    }
}
