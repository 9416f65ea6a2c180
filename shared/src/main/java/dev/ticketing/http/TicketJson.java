package dev.ticketing.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ticketing.json.Json;
import dev.ticketing.json.ValueJson;
import dev.ticketing.model.Activity;
import dev.ticketing.model.ActivityType;
import dev.ticketing.model.Status;
import dev.ticketing.model.StatusWorkflow;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders tickets and activities as the reference's ITicket and IActivity, date-times in the caller's offset. */
public final class TicketJson {

    /** How one ITicket field is rendered from a ticket. */
    @FunctionalInterface
    private interface FieldRenderer {
        JsonNode render(Ticket ticket, ZoneOffset offset);
    }

    /** Every ITicket field and its renderer, in the order they are written. */
    private static final Map<String, FieldRenderer> FIELDS = fields();

    /** Every ITicket field, in the order they are written. */
    public static final List<String> TICKET_FIELDS = List.copyOf(FIELDS.keySet());

    /** Activity details that {@link #activity} renders in the live API's form rather than as stored. */
    private static final Set<String> ACTIVITY_FIELDS_RENDERED_APART = Set.of("changes", "isPrivate", "attachments");

    /** The statuses that count as resolved, as the live API lists them. */
    private static final ArrayNode RESOLVED_STATUS = resolvedStatus();

    /** Per status, the live API's {@code workflow}: the current state with the steps it allows next. */
    private static final Map<Status, ArrayNode> WORKFLOW = workflow();

    private TicketJson() {
    }

    private static ArrayNode resolvedStatus() {
        ArrayNode names = Json.array();
        Arrays.stream(Status.values()).filter(StatusWorkflow::resolves).forEach(s -> names.add(s.name()));
        return names;
    }

    /**
     * {@code [{id, label, recordResolutionSLA, nextSteps: [{targetId, transitionLabel, recordComment,
     * recordResolutionSLA}]}]} from StatusWorkflow (docs/status-workflow.md). Only the current state is listed: the
     * whole graph is the same for every ticket, and a list of a thousand tickets would carry it a thousand times.
     */
    private static Map<Status, ArrayNode> workflow() {
        Map<Status, ArrayNode> byStatus = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            ObjectNode state = Json.object();
            state.put("id", status.name());
            state.put("label", status.label());
            state.put("recordResolutionSLA", StatusWorkflow.resolves(status));
            ArrayNode next = state.putArray("nextSteps");
            for (Status target : StatusWorkflow.next(status)) {
                next.addObject().put("targetId", target.name()).put("transitionLabel", target.label())
                        .put("recordComment", StatusWorkflow.resolves(target))
                        .put("recordResolutionSLA", StatusWorkflow.resolves(target));
            }
            byStatus.put(status, Json.array().add(state));
        }
        return byStatus;
    }

    public static ObjectNode ticket(Ticket t, ZoneOffset offset) {
        ObjectNode n = Json.object();
        FIELDS.forEach((name, renderer) -> n.set(name, renderer.render(t, offset)));
        return n;
    }

    /** As above, with {@code description_HTML} when the caller asked for it ({@code include=description_HTML}). */
    public static ObjectNode ticket(Ticket t, ZoneOffset offset, boolean includeHtml) {
        ObjectNode n = ticket(t, offset);
        if (includeHtml) {
            addDescriptionHtml(n, t);
        }
        return n;
    }

    /** The live API's {@code description_HTML}: the sanitised HTML sent, or null when only text was. */
    public static void addDescriptionHtml(ObjectNode rendered, Ticket t) {
        rendered.set(Includes.DESCRIPTION_HTML, text(t.descriptionHtml()));
    }

    /**
     * One field of {@link #ticket}, rendered alone: a list that selects a few fields renders only those.
     *
     * @throws IllegalArgumentException for a name that is not in {@link #TICKET_FIELDS}
     */
    public static JsonNode field(Ticket t, String name, ZoneOffset offset) {
        FieldRenderer renderer = FIELDS.get(name);
        if (renderer == null) {
            throw new IllegalArgumentException("Not an ITicket field: " + name);
        }
        return renderer.render(t, offset);
    }

    private static Map<String, FieldRenderer> fields() {
        Map<String, FieldRenderer> fields = new LinkedHashMap<>();
        fields.put("id", (t, offset) -> text(t.id()));
        fields.put("ticketId", (t, offset) -> LongNode.valueOf(t.ticketId()));
        // The live API names the number ticketNo; its clients read it there.
        fields.put("ticketNo", (t, offset) -> LongNode.valueOf(t.ticketId()));
        fields.put("title", (t, offset) -> text(t.title()));
        fields.put("description", (t, offset) -> text(t.description()));
        fields.put("status", (t, offset) -> text(t.status().name()));
        fields.put("requestor", (t, offset) -> user(t.requestor()));
        fields.put("customFields",
                (t, offset) -> t.customFields() == null ? Json.object() : t.customFields().deepCopy());
        fields.put("priority", (t, offset) -> text(t.priority().name()));
        fields.put("assignee", (t, offset) -> user(t.assignee()));
        fields.put("expectedDate", (t, offset) -> text(dateTime(t.expectedDate(), offset)));
        fields.put("resolution", (t, offset) -> text(t.resolution()));
        fields.put("firstResponseOn", (t, offset) -> text(dateTime(t.firstResponseOn(), offset)));
        fields.put("firstResolutionOn", (t, offset) -> text(dateTime(t.firstResolutionOn(), offset)));
        fields.put("lastResolutionOn", (t, offset) -> text(dateTime(t.lastResolutionOn(), offset)));
        fields.put("createdOn", (t, offset) -> text(dateTime(t.createdOn(), offset)));
        fields.put("tags", (t, offset) -> ValueJson.tags(t.tags()));
        fields.put("lastUpdatedOn", (t, offset) -> text(dateTime(t.lastUpdatedOn(), offset)));
        fields.put("isFrtEscalated", (t, offset) -> BooleanNode.valueOf(t.isFrtEscalated()));
        fields.put("isRtEscalated", (t, offset) -> BooleanNode.valueOf(t.isRtEscalated()));
        // A target is breached once it passed unmet, which is when the ticket is escalated for it.
        fields.put("isFrtBreached", (t, offset) -> BooleanNode.valueOf(t.isFrtEscalated()));
        fields.put("isRtBreached", (t, offset) -> BooleanNode.valueOf(t.isRtEscalated()));
        // The service-level targets (the instance's sla policy); null when none applies.
        fields.put("frtDueOn", (t, offset) -> text(dateTime(t.frtDueOn(), offset)));
        fields.put("rtDueOn", (t, offset) -> text(dateTime(t.rtDueOn(), offset)));
        fields.put("resolvedStatus", (t, offset) -> RESOLVED_STATUS.deepCopy());
        fields.put("workflow", (t, offset) -> WORKFLOW.get(t.status()).deepCopy());
        fields.put("createdBy", (t, offset) -> user(t.createdBy()));
        fields.put("lastUpdatedBy", (t, offset) -> user(t.lastUpdatedBy()));
        fields.put("lastResolutionComment", (t, offset) -> text(t.lastResolutionComment()));
        fields.put("lastInteraction", (t, offset) -> text(dateTime(t.lastInteraction(), offset)));
        return Collections.unmodifiableMap(fields);
    }

    /** A text node, or JSON null for null, as {@code ObjectNode.put(name, (String) null)} writes it. */
    private static JsonNode text(String value) {
        return value == null ? NullNode.getInstance() : TextNode.valueOf(value);
    }

    /**
     * IActivity, with both vocabularies: the reference's ({@code type}, {@code user}, {@code createdOn} and the
     * type's own fields) and the live API's, which its clients parse ({@code ticketId} as the ticket's UUID beside
     * {@code ticketNo}, {@code createdBy}, {@code createdDateTime}, {@code isPrivate}, {@code attachments} and
     * {@code changes} as {@code [{name, oldValue, newValue}]}). {@code comment_HTML} only when asked for with
     * {@code include=comment_HTML}, as the live API does.
     */
    public static ObjectNode activity(Activity a, ZoneOffset offset, boolean includeHtml) {
        ObjectNode n = Json.object();
        n.put("id", a.id());
        n.put("ticketId", a.ticketUuid());
        n.put("ticketNo", a.ticketId());
        n.put("type", a.type().name());
        n.set("user", user(a.user()));
        n.set("createdBy", user(a.user()));
        String createdOn = dateTime(a.createdOn(), offset);
        n.put("createdOn", createdOn);
        n.put("createdDateTime", createdOn);
        ObjectNode details = a.details();
        details.properties().forEach(e -> {
            if (!ACTIVITY_FIELDS_RENDERED_APART.contains(e.getKey())
                    && (includeHtml || !e.getKey().equals(Includes.COMMENT_HTML))) {
                n.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        n.put("isPrivate", details.path("isPrivate").asBoolean(false));
        n.set("attachments", details.has("attachments") ? details.get("attachments").deepCopy() : Json.array());
        n.set("changes", changes(a));
        return n;
    }

    /** The answer to a comment post: the activity, with its id also as {@code activityId} as the live API names it. */
    public static ObjectNode comment(Activity a, ZoneOffset offset, boolean includeHtml) {
        ObjectNode n = activity(a, offset, includeHtml);
        n.put("activityId", a.id());
        return n;
    }

    private static ArrayNode changes(Activity a) {
        ArrayNode changes = Json.array();
        if (a.type() == ActivityType.statusChange) {
            changes.addObject().put("name", "status").put("oldValue", a.details().path("from").asText(null))
                    .put("newValue", a.details().path("to").asText(null));
        }
        for (JsonNode change : a.details().path("changes")) {
            // Written as {field, from, to} before the live API's names were adopted.
            ObjectNode entry = changes.addObject();
            entry.put("name", change.has("name") ? change.get("name").asText() : change.path("field").asText());
            entry.set("oldValue", orNull(change.has("oldValue") ? change.get("oldValue") : change.get("from")));
            entry.set("newValue", orNull(change.has("newValue") ? change.get("newValue") : change.get("to")));
        }
        return changes;
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? NullNode.getInstance() : node.deepCopy();
    }

    /** A user as IUser, or JSON null for none. */
    public static JsonNode user(User user) {
        return ValueJson.user(user);
    }

    /** ISO-8601 with the offset, e.g. {@code 2023-07-26T17:00:00Z} or {@code 2023-07-27T00:00:00+07:00}. */
    public static String dateTime(Instant instant, ZoneOffset offset) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(offset));
    }
}
