package dev.ticketing.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.error.NotFoundException;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.Json;
import dev.ticketing.model.CustomField;
import dev.ticketing.model.CustomFieldOption;
import dev.ticketing.model.CustomFieldType;
import dev.ticketing.model.Instance;
import dev.ticketing.model.Tag;
import dev.ticketing.model.TagCategory;
import dev.ticketing.validation.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Changes to an instance's custom fields and tag categories that keep existing tickets readable: tickets store
 * values by field id and tags by text, so fields, options, categories and tags are marked deleted, never removed.
 */
public final class DefinitionChanges {

    /** The five IInstance lists that may define custom fields. */
    static final List<String> FIELD_LISTS = List.of("customFields", "customFieldsLeft", "customFieldsRight",
            "optionalFieldsLeft", "optionalFieldsRight");

    private DefinitionChanges() {
    }

    /** Checks that {@code next} still defines every field and option of {@code current} (perhaps deleted). */
    public static void checkNothingRemoved(Instance current, Instance next, Errors errors) {
        Map<String, CustomField> kept = next.customFieldsById();
        for (CustomField field : current.customFieldsById().values()) {
            CustomField replacement = kept.get(field.id());
            if (replacement == null) {
                errors.add("customFields." + field.id(), "custom field '" + field.name() + "' cannot be removed:"
                        + " tickets may hold its values; keep it with \"deleted\": true");
                continue;
            }
            for (CustomFieldOption option : field.options()) {
                if (replacement.option(option.id()).isEmpty()) {
                    errors.add("customFields." + field.id() + ".options." + option.id(), "option '" + option.text()
                            + "' cannot be removed: tickets may hold it; keep it with \"deleted\": true");
                }
            }
        }
    }

    public static Instance addCustomField(Instance instance, CustomField field) {
        if (instance.customFieldsById().containsKey(field.id())) {
            throw new ValidationException("customFields." + field.id(), "already exists");
        }
        ObjectNode tree = Json.MAPPER.valueToTree(instance);
        ArrayNode list = tree.has("customFields") && tree.get("customFields").isArray()
                ? (ArrayNode) tree.get("customFields") : tree.putArray("customFields");
        list.add(Json.MAPPER.valueToTree(field));
        return toInstance(tree);
    }

    /** Sets a field's {@code deleted} flag wherever the field appears (it may be placed in several lists). */
    public static Instance markFieldDeleted(Instance instance, String fieldId, boolean deleted) {
        return changeField(instance, fieldId, field -> field.put("deleted", deleted));
    }

    public static Instance addOption(Instance instance, String fieldId, CustomFieldOption option) {
        CustomField field = field(instance, fieldId);
        if (field.type() != CustomFieldType.singleItemPicker && field.type() != CustomFieldType.multipleItemsPicker) {
            throw new ValidationException("customFields." + fieldId, "custom field '" + field.name()
                    + "' is not an item picker and has no options");
        }
        if (field.option(option.id()).isPresent()) {
            throw new ValidationException("customFields." + fieldId + ".options." + option.id(), "already exists");
        }
        return changeField(instance, fieldId, f -> {
            ArrayNode options = f.has("options") && f.get("options").isArray()
                    ? (ArrayNode) f.get("options") : f.putArray("options");
            options.add(Json.MAPPER.valueToTree(option));
            return f;
        });
    }

    public static Instance markOptionDeleted(Instance instance, String fieldId, String optionId, boolean deleted) {
        CustomField field = field(instance, fieldId);
        if (field.option(optionId).isEmpty()) {
            throw new NotFoundException("Custom field '" + field.name() + "' has no option " + optionId + ".");
        }
        return changeField(instance, fieldId, f -> {
            for (JsonNode option : f.path("options")) {
                if (optionId.equals(option.path("id").asText())) {
                    ((ObjectNode) option).put("deleted", deleted);
                }
            }
            return f;
        });
    }

    /** Adds a tag, or restores a deleted one of the same text (texts match without regard to case). */
    public static TagCategory addTag(TagCategory category, String text) {
        List<Tag> tags = new ArrayList<>();
        boolean found = false;
        for (Tag tag : category.tags()) {
            boolean same = tag.text().equalsIgnoreCase(text);
            found |= same;
            tags.add(same ? new Tag(tag.text(), false) : tag);
        }
        if (!found) {
            tags.add(new Tag(text, false));
        }
        return new TagCategory(category.id(), category.instanceId(), category.text(), category.color(), tags,
                category.deleted());
    }

    public static TagCategory markTagDeleted(TagCategory category, String text, boolean deleted) {
        if (category.tag(text).isEmpty()) {
            throw new NotFoundException("Tag category '" + category.text() + "' has no tag '" + text + "'.");
        }
        List<Tag> tags = category.tags().stream()
                .map(t -> t.text().equalsIgnoreCase(text) ? new Tag(t.text(), deleted) : t)
                .toList();
        return new TagCategory(category.id(), category.instanceId(), category.text(), category.color(), tags,
                category.deleted());
    }

    public static TagCategory markCategoryDeleted(TagCategory category, boolean deleted) {
        return new TagCategory(category.id(), category.instanceId(), category.text(), category.color(),
                category.tags(), deleted);
    }

    private static CustomField field(Instance instance, String fieldId) {
        return instance.customField(fieldId)
                .orElseThrow(() -> new NotFoundException("Instance has no custom field " + fieldId + "."));
    }

    private static Instance changeField(Instance instance, String fieldId, UnaryOperator<ObjectNode> change) {
        field(instance, fieldId);
        ObjectNode tree = Json.MAPPER.valueToTree(instance);
        for (String list : FIELD_LISTS) {
            for (JsonNode field : tree.path(list)) {
                if (fieldId.equals(field.path("id").asText())) {
                    change.apply((ObjectNode) field);
                }
            }
        }
        return toInstance(tree);
    }

    private static Instance toInstance(ObjectNode tree) {
        return Json.MAPPER.convertValue(tree, Instance.class);
    }
}
