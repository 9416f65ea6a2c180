package dev.ticketing.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.model.TicketTag;
import dev.ticketing.model.User;
import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON form of each small value, shared by the API's responses, the activity details and the stored
 * items: a user as IUser {@code {"id", "name", "email"}}, tags as {@code [{"tagCategoryId", "text"}]}.
 */
public final class ValueJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ValueJson() {
    }

    /** IUser, or JSON null for no user. */
    public static JsonNode user(User user) {
        if (user == null) {
            return NODES.nullNode();
        }
        ObjectNode node = NODES.objectNode();
        node.put("id", user.id());
        node.put("name", user.name());
        node.put("email", user.email());
        return node;
    }

    /** The user an IUser object holds; null for anything else (absent, JSON null). */
    public static User user(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new User(text(node, "id"), text(node, "name"), text(node, "email"));
    }

    public static ArrayNode tags(List<TicketTag> tags) {
        ArrayNode array = NODES.arrayNode();
        tags.forEach(t -> array.addObject().put("tagCategoryId", t.tagCategoryId()).put("text", t.text()));
        return array;
    }

    /** The tags a JSON array holds; none for anything else. */
    public static List<TicketTag> tags(JsonNode node) {
        List<TicketTag> tags = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(t -> tags.add(new TicketTag(text(t, "tagCategoryId"), text(t, "text"))));
        }
        return tags;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
