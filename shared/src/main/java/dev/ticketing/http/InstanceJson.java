package dev.ticketing.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.Json;
import dev.ticketing.model.Instance;
import dev.ticketing.model.TagCategory;
import java.util.List;

/** Renders the reference's IInstance and ITagCategory. Only the definition is rendered, never key material. */
public final class InstanceJson {

    private InstanceJson() {
    }

    /**
     * The record holds exactly the IInstance fields (keys and their hashes live on the storage item only).
     * IInstance has no date-time field, so the caller's timezone changes nothing here.
     */
    public static ObjectNode instance(Instance instance) {
        return Json.MAPPER.valueToTree(instance);
    }

    public static ObjectNode tagCategory(TagCategory category) {
        ObjectNode n = Json.object();
        n.put("id", category.id());
        n.put("instanceId", category.instanceId());
        n.put("text", category.text());
        n.put("color", category.color());
        ArrayNode tags = n.putArray("tags");
        category.tags().forEach(t -> tags.addObject().put("text", t.text()).put("deleted", t.deleted()));
        n.put("deleted", category.deleted());
        return n;
    }

    /** {@code {"items": [...]}}, the reference's envelope for a list. */
    public static ObjectNode tagCategories(List<TagCategory> categories) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        categories.forEach(c -> items.add(tagCategory(c)));
        return body;
    }
}
