package dev.ticketing.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ticketing.model.Tag;
import dev.ticketing.model.TagCategory;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** A tag category as stored, in its instance's partition, with its tags as a list of maps. */
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
        ArrayNode tags = JsonNodeFactory.instance.arrayNode();
        c.tags().forEach(t -> tags.addObject().put("text", t.text()).put("deleted", t.deleted()));
        i.tags = tags;
        i.version = version;
        return i;
    }

    TagCategory toTagCategory() {
        List<Tag> list = new ArrayList<>();
        if (tags != null) {
            tags.forEach(t -> list.add(new Tag(t.path("text").asText(), t.path("deleted").asBoolean(false))));
        }
        return new TagCategory(id, instanceId, text, color, list, Boolean.TRUE.equals(deleted));
    }
}
