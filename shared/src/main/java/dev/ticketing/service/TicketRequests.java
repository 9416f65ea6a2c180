package dev.ticketing.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.model.Instance;
import dev.ticketing.model.Priority;
import dev.ticketing.model.TagCategory;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.TicketTag;
import dev.ticketing.model.User;
import dev.ticketing.validation.CustomFieldValidator;
import dev.ticketing.validation.Errors;
import dev.ticketing.validation.FieldReader;
import dev.ticketing.validation.Html;
import dev.ticketing.validation.TagValidator;
import dev.ticketing.model.Status;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.Set;

/** Turns request bodies into validated commands, listing every invalid field at once. */
public final class TicketRequests {

    static final Set<String> CREATE_BODY_FIELDS = Set.of("ticket", "user");
    /** The reference's ITicket fields a client may write, and the live API's {@code description_HTML}. */
    static final Set<String> CREATE_TICKET_FIELDS = Set.of("title", "description", "description_HTML", "requestor",
            "priority", "assignee", "expectedDate", "customFields", "tags");
    static final String DESCRIPTION_HTML = "description_HTML";

    private TicketRequests() {
    }

    /** {@code dateOffset}: the request's {@code timezone}, where a date-only {@code expectedDate} is midnight. */
    public static NewTicket parseCreate(JsonNode body, Instance instance, List<TagCategory> tagCategories,
                                        ZoneOffset dateOffset) {
        Errors errors = new Errors();
        if (body == null || !body.isObject()) {
            errors.add("body", "must be a JSON object {\"ticket\": {...}, \"user\": {...}}");
            errors.throwIfAny();
        }
        FieldReader.rejectUnknownFields(body, CREATE_BODY_FIELDS, "body", errors);
        User user = FieldReader.user(body.get("user"), "user", errors);
        Optional<JsonNode> ticket = FieldReader.requiredObject(body, "ticket", "ticket", errors);
        if (ticket.isEmpty()) {
            errors.throwIfAny();
        }
        JsonNode t = ticket.get();
        if (t.has("status")) {
            errors.add("ticket.status", "cannot be set on create: tickets start Open; "
                    + "change it with PUT /tickets/{ticketId}/status");
        }
        FieldReader.rejectUnknownFields(t, CREATE_TICKET_FIELDS, "ticket", errors);
        String title = FieldReader.requiredText(t.get("title"), "ticket.title", FieldReader.MAX_TITLE_LENGTH, errors);
        Description description = description(t, t.has(DESCRIPTION_HTML), "ticket", errors);
        User requestor = FieldReader.user(t.get("requestor"), "ticket.requestor", errors);
        Priority priority = FieldReader.priority(t.get("priority"), "ticket.priority", errors);
        JsonNode assigneeNode = t.get("assignee");
        User assignee = assigneeNode == null || assigneeNode.isNull()
                ? null : FieldReader.user(assigneeNode, "ticket.assignee", errors);
        Instant expectedDate = FieldReader.dateTime(t.get("expectedDate"), "ticket.expectedDate", dateOffset,
                errors);
        ObjectNode customFields = CustomFieldValidator.forCreate(t.get("customFields"), instance,
                "ticket.customFields", errors);
        List<TicketTag> tags = TagValidator.validate(t.get("tags"), tagCategories, "ticket.tags", errors);
        errors.throwIfAny();
        return new NewTicket(title, description.text(), description.html(), requestor,
                priority == null ? Priority.DEFAULT : priority,
                assignee, expectedDate, customFields == null ? JsonNodeFactory.instance.objectNode() : customFields,
                tags, TagValidator.newTexts(tags, tagCategories), user);
    }

    /** The reference sends {@code updates}; the live API's clients send the same fields as {@code ticket}. */
    static final Set<String> UPDATE_BODY_FIELDS = Set.of("updates", "ticket", "user");
    static final Set<String> STATUS_BODY_FIELDS = Set.of("status", "resolution", "comment", "user");
    /** The reference sends comment and user; the live API's clients also send comment_HTML and isPrivate. */
    static final Set<String> COMMENT_BODY_FIELDS = Set.of("comment", "comment_HTML", "isPrivate", "user");
    public static final int MAX_RESOLUTION_LENGTH = 255;
    public static final int MAX_COMMENT_LENGTH = 10_000;

    /**
     * PUT /tickets/{ticketId}: only the fields present change; {@code assignee} and {@code expectedDate} may be
     * null to clear them, custom fields merge by id (null removes one), tags replace the whole set.
     */
    public static TicketUpdate parseUpdate(JsonNode body, Instance instance, List<TagCategory> tagCategories,
                                           ZoneOffset dateOffset) {
        Errors errors = new Errors();
        JsonNode u = requireObjectBody(body, "{\"updates\": {...}, \"user\": {...}}", errors);
        FieldReader.rejectUnknownFields(body, UPDATE_BODY_FIELDS, "body", errors);
        User user = FieldReader.user(body.get("user"), "user", errors);
        if (u.has("updates") && u.has("ticket")) {
            errors.add("ticket", "cannot be sent with updates: they are two names for the same fields; send one");
        }
        // Field errors are named under the envelope the client sent, e.g. ticket.title for a live client.
        String envelope = u.has("ticket") && !u.has("updates") ? "ticket" : "updates";
        Optional<JsonNode> updates = FieldReader.requiredObject(u, envelope, envelope, errors);
        if (updates.isEmpty()) {
            errors.throwIfAny();
        }
        JsonNode t = updates.get();
        if (t.has("status")) {
            errors.add(envelope + ".status", "cannot be changed here; use PUT /tickets/{ticketId}/status");
        }
        FieldReader.rejectUnknownFields(t, CREATE_TICKET_FIELDS, envelope, errors);
        if (t.isEmpty()) {
            errors.add(envelope, "must name at least one field to change");
        }
        List<Consumer<Ticket.Builder>> edits = new ArrayList<>();
        if (t.has("title")) {
            String title = FieldReader.requiredText(t.get("title"), envelope + ".title", FieldReader.MAX_TITLE_LENGTH,
                    errors);
            edits.add(d -> d.title(title));
        }
        if (t.has("description") || t.has(DESCRIPTION_HTML)) {
            // Either form replaces both: a plain description clears the HTML that no longer matches it.
            Description description = description(t, t.has(DESCRIPTION_HTML), envelope, errors);
            edits.add(d -> d.description(description.text()).descriptionHtml(description.html()));
        }
        if (t.has("requestor")) {
            User requestor = FieldReader.user(t.get("requestor"), envelope + ".requestor", errors);
            edits.add(d -> d.requestor(requestor));
        }
        if (t.has("assignee")) {
            JsonNode node = t.get("assignee");
            User assignee = node.isNull() ? null : FieldReader.user(node, envelope + ".assignee", errors);
            edits.add(d -> d.assignee(assignee));
        }
        if (t.has("priority")) {
            Priority priority = FieldReader.priority(t.get("priority"), envelope + ".priority", errors);
            if (t.get("priority").isNull()) {
                errors.add(envelope + ".priority", "cannot be null; must be one of " + String.join(", ",
                        Priority.NAMES));
            }
            edits.add(d -> d.priority(priority));
        }
        if (t.has("expectedDate")) {
            Instant expectedDate = FieldReader.dateTime(t.get("expectedDate"), envelope + ".expectedDate",
                    dateOffset, errors);
            edits.add(d -> d.expectedDate(expectedDate));
        }
        if (t.has("customFields")) {
            ObjectNode changes = CustomFieldValidator.forUpdate(t.get("customFields"), instance,
                    envelope + ".customFields", errors);
            edits.add(d -> merge(d.customFields(), changes));
        }
        List<TicketTag> newTags = List.of();
        if (t.has("tags")) {
            List<TicketTag> tags = TagValidator.validate(t.get("tags"), tagCategories, envelope + ".tags", errors);
            edits.add(d -> d.tags(tags));
            newTags = TagValidator.newTexts(tags, tagCategories);
        }
        errors.throwIfAny();
        return new TicketUpdate(user, edits, newTags);
    }

    /** The status body; the reference's example has unquoted keys, which the shared JSON mapper accepts. */
    public static StatusChangeRequest parseStatus(JsonNode body) {
        Errors errors = new Errors();
        requireObjectBody(body, "{\"status\", \"resolution\"?, \"comment\"?, \"user\"}", errors);
        FieldReader.rejectUnknownFields(body, STATUS_BODY_FIELDS, "body", errors);
        User user = FieldReader.user(body.get("user"), "user", errors);
        JsonNode statusNode = body.get("status");
        Optional<Status> status = statusNode != null && statusNode.isTextual()
                ? Status.parse(statusNode.textValue()) : Optional.empty();
        if (status.isEmpty()) {
            errors.add("status", statusNode == null || statusNode.isNull()
                    ? "is required" : "must be one of " + String.join(", ", Status.NAMES)
                    + " (or In Progress, the live API's label for Started)");
        }
        String resolution = FieldReader.optionalText(body.get("resolution"), "resolution", MAX_RESOLUTION_LENGTH,
                errors);
        String comment = FieldReader.optionalText(body.get("comment"), "comment", MAX_COMMENT_LENGTH, errors);
        errors.throwIfAny();
        return new StatusChangeRequest(status.get(), blankToNull(resolution), blankToNull(comment), user);
    }

    public static NewComment parseComment(JsonNode body) {
        Errors errors = new Errors();
        requireObjectBody(body, "{\"comment\" or \"comment_HTML\", \"isPrivate\"?, \"user\"}", errors);
        FieldReader.rejectUnknownFields(body, COMMENT_BODY_FIELDS, "body", errors);
        User user = FieldReader.user(body.get("user"), "user", errors);
        boolean isPrivate = FieldReader.optionalBoolean(body.get("isPrivate"), "isPrivate", errors);
        String html = FieldReader.optionalText(body.get("comment_HTML"), "comment_HTML", MAX_COMMENT_LENGTH, errors);
        String safeHtml = html == null || html.isBlank() ? null : Html.sanitize(html);
        String comment;
        if (safeHtml != null && (body.get("comment") == null || body.get("comment").isNull())) {
            comment = Html.text(safeHtml);
            if (comment.isBlank()) {
                errors.add("comment_HTML", "has no text; send a comment with words in it");
            }
        } else {
            comment = FieldReader.requiredText(body.get("comment"), "comment", MAX_COMMENT_LENGTH, errors);
        }
        errors.throwIfAny();
        return new NewComment(comment, safeHtml, isPrivate, user);
    }

    /** A description's text and, when the client sent HTML, its sanitised HTML. */
    private record Description(String text, String html) {
    }

    /**
     * {@code description} and the live API's {@code description_HTML}: the HTML is sanitised; sent alone, its text
     * becomes the description.
     */
    private static Description description(JsonNode t, boolean hasHtml, String envelope, Errors errors) {
        String text = FieldReader.optionalText(t.get("description"), envelope + ".description",
                FieldReader.MAX_DESCRIPTION_LENGTH, errors);
        if (!hasHtml) {
            return new Description(text, null);
        }
        String html = FieldReader.optionalText(t.get(DESCRIPTION_HTML), envelope + "." + DESCRIPTION_HTML,
                FieldReader.MAX_DESCRIPTION_LENGTH, errors);
        String safe = html == null || html.isBlank() ? null : Html.sanitize(html);
        if (safe != null && (t.get("description") == null || t.get("description").isNull())) {
            text = Html.text(safe);
        }
        return new Description(text, safe);
    }

    private static JsonNode requireObjectBody(JsonNode body, String shape, Errors errors) {
        if (body == null || !body.isObject()) {
            errors.add("body", "must be a JSON object " + shape);
            errors.throwIfAny();
        }
        return body;
    }

    private static void merge(ObjectNode values, ObjectNode changes) {
        for (Map.Entry<String, JsonNode> change : changes.properties()) {
            if (change.getValue().isNull()) {
                values.remove(change.getKey());
            } else {
                values.set(change.getKey(), change.getValue().deepCopy());
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
