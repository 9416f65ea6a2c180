package dev.ticketing.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.ValueJson;
import dev.ticketing.model.Ticket;
import java.time.Instant;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What an update changed, as the {@code update} activity records it: {@code [{name, oldValue, newValue}]} (the live
 * API's form; activities stored before it say {@code field, from, to}, which TicketJson reads too), custom fields
 * one entry each as {@code customFields.<id>}. Date-times are UTC; people and tags are JSON as in a ticket.
 */
final class TicketDiff {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TicketDiff() {
    }

    static ArrayNode changes(Ticket before, Ticket after) {
        ArrayNode changes = NODES.arrayNode();
        add(changes, "title", text(before.title()), text(after.title()));
        add(changes, "description", text(before.description()), text(after.description()));
        add(changes, "description_HTML", text(before.descriptionHtml()), text(after.descriptionHtml()));
        add(changes, "requestor", ValueJson.user(before.requestor()), ValueJson.user(after.requestor()));
        add(changes, "assignee", ValueJson.user(before.assignee()), ValueJson.user(after.assignee()));
        add(changes, "priority", text(before.priority().name()), text(after.priority().name()));
        add(changes, "expectedDate", instant(before.expectedDate()), instant(after.expectedDate()));
        add(changes, "tags", ValueJson.tags(before.tags()), ValueJson.tags(after.tags()));
        TreeSet<String> ids = new TreeSet<>();
        before.customFields().fieldNames().forEachRemaining(ids::add);
        after.customFields().fieldNames().forEachRemaining(ids::add);
        for (String id : ids) {
            add(changes, "customFields." + id, orNull(before.customFields().get(id)),
                    orNull(after.customFields().get(id)));
        }
        return changes;
    }

    private static void add(ArrayNode changes, String field, JsonNode from, JsonNode to) {
        if (!Objects.equals(from, to)) {
            ObjectNode change = changes.addObject();
            change.put("name", field);
            change.set("oldValue", from);
            change.set("newValue", to);
        }
    }

    private static JsonNode text(String text) {
        return text == null ? NODES.nullNode() : NODES.textNode(text);
    }

    private static JsonNode instant(Instant instant) {
        return instant == null ? NODES.nullNode() : NODES.textNode(instant.toString());
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? NODES.nullNode() : node.deepCopy();
    }
}
