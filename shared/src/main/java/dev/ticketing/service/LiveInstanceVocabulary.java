package dev.ticketing.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.model.CustomFieldType;
import java.util.List;

/**
 * Reads an instance definition written in the live API's vocabulary into the reference's, so that the admin tool
 * takes both: a custom field's {@code title}, {@code isMandatory}, {@code type: {"key": "5_list"}} with
 * {@code isMultiple}, options as {@code {key, text}}; people as {@code {id, name, email}}; {@code displayName}
 * for {@code name}. What GET /instance adds for reading only ({@code instanceName}) is left out, so a definition
 * read there can be sent back as it is; its {@code sla} is the instance's service-level policy, kept.
 */
final class LiveInstanceVocabulary {

    private static final List<String> FIELD_LISTS = List.of("customFields", "customFieldsLeft",
            "customFieldsRight", "optionalFieldsLeft", "optionalFieldsRight");

    private LiveInstanceVocabulary() {
    }

    /** Rewrites {@code definition} in place; fields already in the reference's vocabulary are kept. */
    static void toReference(ObjectNode definition) {
        moveIfAbsent(definition, "displayName", "name");
        definition.remove("instanceName");
        for (String list : FIELD_LISTS) {
            for (JsonNode field : definition.path(list)) {
                if (field instanceof ObjectNode object) {
                    customField(object);
                }
            }
        }
        if (definition.path("assignees") instanceof ObjectNode assignees) {
            people(assignees.path("peoples"));
        }
        people(definition.path("idleTicketAssignedTo"));
    }

    private static void customField(ObjectNode field) {
        moveIfAbsent(field, "title", "name");
        moveIfAbsent(field, "isMandatory", "required");
        boolean isMultiple = field.path("isMultiple").asBoolean(false);
        field.remove("isMultiple");
        JsonNode type = field.get("type");
        if (type != null && type.isObject()) {
            // An unknown key stays an object, which the definition's own validation reports against the field.
            CustomFieldType.fromLive(type.path("key").asText(), isMultiple)
                    .ifPresent(known -> field.put("type", known.name()));
        }
        // Our own name of the type, as GET /instance shows it beside the live object.
        moveIfAbsent(field, "typeName", "type");
        for (JsonNode option : field.path("options")) {
            if (option instanceof ObjectNode object) {
                moveIfAbsent(object, "key", "id");
            }
        }
    }

    private static void people(JsonNode people) {
        for (JsonNode person : people) {
            if (person instanceof ObjectNode object) {
                moveIfAbsent(object, "name", "text");
                moveIfAbsent(object, "email", "secondaryText");
            }
        }
    }

    /** Renames {@code from} to {@code to} unless {@code to} is there already; {@code from} goes either way. */
    private static void moveIfAbsent(ObjectNode node, String from, String to) {
        JsonNode value = node.remove(from);
        if (value != null && !node.has(to)) {
            node.set(to, value);
        }
    }
}
