package dev.ticketing.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ticketing.model.Tag;
import dev.ticketing.model.TagCategory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A tag category as stored, in its instance's partition, with its tags as a list of maps and their match keys as a
 * string set ({@code tagTexts}), which lets a ticket's transaction add a text only if the category lacks it.
 */
final class TagCategoryItem {

    static final String TYPE = "tagCategory";

    String pk;
    String sk;
    String type;
    String instanceId;
    String id;
    String text;
    String color;
    Boolean deleted;
    JsonNode tags;
    Set<String> tagTexts;
    Long version;

    static final TableSchema<TagCategoryItem> SCHEMA = schema();

    private static TableSchema<TagCategoryItem> schema() {
        StaticTableSchema.Builder<TagCategoryItem> s = StaticTableSchema.builder(TagCategoryItem.class)
                .newItemSupplier(TagCategoryItem::new);
        Attributes.partitionKey(s, i -> i.pk, (i, v) -> i.pk = v);
        Attributes.sortKey(s, i -> i.sk, (i, v) -> i.sk = v);
        Attributes.string(s, "type", i -> i.type, (i, v) -> i.type = v);
        Attributes.string(s, "instanceId", i -> i.instanceId, (i, v) -> i.instanceId = v);
        Attributes.string(s, "id", i -> i.id, (i, v) -> i.id = v);
        Attributes.string(s, "text", i -> i.text, (i, v) -> i.text = v);
        Attributes.string(s, "color", i -> i.color, (i, v) -> i.color = v);
        Attributes.bool(s, "deleted", i -> i.deleted, (i, v) -> i.deleted = v);
        Attributes.json(s, "tags", i -> i.tags, (i, v) -> i.tags = v);
        Attributes.stringSet(s, "tagTexts", i -> i.tagTexts, (i, v) -> i.tagTexts = v);
        Attributes.number(s, "version", i -> i.version, (i, v) -> i.version = v);
        return s.build();
    }

    static TagCategoryItem from(TagCategory c, long version) {
        TagCategoryItem i = new TagCategoryItem();
        i.pk = Keys.instance(c.instanceId());
        i.sk = Keys.tagCategory(c.id());
        i.type = TYPE;
        i.instanceId = c.instanceId();
        i.id = c.id();
        i.text = c.text();
        i.color = c.color();
        i.deleted = c.deleted();
        i.tags = tagList(c.tags());
        // Deleted tags count too: their texts are taken, so a ticket can never add them again as new.
        // DynamoDB refuses empty sets, so a category without tags has no tagTexts until one is added.
        Set<String> texts = tagTexts(c.tags());
        i.tagTexts = texts.isEmpty() ? null : texts;
        i.version = version;
        return i;
    }

    /** The stored form of tags, shared with the update that appends to them. */
    static JsonNode tagList(List<Tag> tags) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        tags.forEach(t -> list.addObject().put("text", t.text()).put("deleted", t.deleted()));
        return list;
    }

    /** The match keys of the tags, as {@code tagTexts} holds them. */
    static Set<String> tagTexts(List<Tag> tags) {
        Set<String> texts = new LinkedHashSet<>();
        tags.forEach(t -> texts.add(TagCategory.matchKey(t.text())));
        return texts;
    }

    TagCategory toTagCategory() {
        List<Tag> list = new ArrayList<>();
        if (tags != null) {
            tags.forEach(t -> list.add(new Tag(t.path("text").asText(), t.path("deleted").asBoolean(false))));
        }
        return new TagCategory(id, instanceId, text, color, list, Boolean.TRUE.equals(deleted));
    }
}
