package dev.ticketing.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.Json;
import dev.ticketing.model.CustomFieldType;
import dev.ticketing.model.Instance;
import dev.ticketing.model.TagCategory;
import java.util.List;

/** Renders the reference's IInstance and ITagCategory. Only the definition is rendered, never key material. */
public final class InstanceJson {

    private InstanceJson() {
    }

    private static final List<String> FIELD_LISTS = List.of("customFields", "customFieldsLeft",
            "customFieldsRight", "optionalFieldsLeft", "optionalFieldsRight");

    /**
     * IInstance as the reference defines it (the record holds exactly its fields; keys and their hashes live on the
     * storage item only), with what the live API's clients read beside it: {@code displayName} and
     * {@code instanceName}; people with {@code name} and {@code email}; custom fields with {@code title},
     * {@code isMandatory}, {@code isMultiple}, {@code type} as {@code {key, text}} (our name of the type moves to
     * {@code typeName}) and options with {@code key}; and {@code sla}. IInstance has no date-time field, so the
     * caller's timezone changes nothing here.
     */
    public static ObjectNode instance(Instance instance) {
        ObjectNode n = Json.MAPPER.valueToTree(instance);
        n.put("displayName", instance.name());
        n.put("instanceName", instance.name());
        for (String list : FIELD_LISTS) {
            for (JsonNode field : n.path(list)) {
                liveCustomField((ObjectNode) field);
            }
        }
        people(n.path("assignees").path("peoples"));
        people(n.path("idleTicketAssignedTo"));
        n.set("sla", Json.MAPPER.valueToTree(instance.slaPolicy()));
        return n;
    }

    private static void liveCustomField(ObjectNode field) {
        field.set("title", field.get("name"));
        field.put("isMandatory", field.path("required").asBoolean(false));
        CustomFieldType type = CustomFieldType.valueOf(field.path("type").asText());
        field.put("isMultiple", type.isMultiple());
        field.put("typeName", type.name());
        field.putObject("type").put("key", type.liveKey()).put("text", type.liveText());
        for (JsonNode option : field.path("options")) {
            ((ObjectNode) option).set("key", option.get("id"));
        }
    }

    private static void people(JsonNode people) {
        for (JsonNode person : people) {
            ObjectNode p = (ObjectNode) person;
            p.set("name", p.has("text") ? p.get("text") : NullNode.getInstance());
            p.set("email", p.has("secondaryText") ? p.get("secondaryText") : NullNode.getInstance());
        }
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
