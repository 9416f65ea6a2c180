package dev.ticketing.store.dynamodb;

import dev.ticketing.model.Tag;
import dev.ticketing.model.TagCategory;
import dev.ticketing.model.TicketTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The actions of a ticket's transaction that add new tag texts to their categories: one conditional Update per
 * category, so the ticket and its categories' new tags are written together or not at all.
 */
final class TagAdditions {

    private static final String APPEND = "SET #tags = list_append(#tags, :newTags), #version = #version + :one "
            + "ADD #tagTexts :newTexts";
    private static final Map<String, String> NAMES = Map.of("#tags", "tags", "#version", "version",
            "#deleted", "deleted", "#tagTexts", "tagTexts");

    private TagAdditions() {
    }

    /** One Update per category, in the order the categories first appear; a text repeated in any case counts once. */
    static List<TransactWriteItem> updates(String tableName, String instanceId, List<TicketTag> newTags) {
        Map<String, Map<String, String>> textsByCategory = new LinkedHashMap<>();
        for (TicketTag tag : newTags) {
            textsByCategory.computeIfAbsent(tag.tagCategoryId(), id -> new LinkedHashMap<>())
                    .putIfAbsent(TagCategory.matchKey(tag.text()), tag.text());
        }
        List<TransactWriteItem> updates = new ArrayList<>();
        textsByCategory.forEach((categoryId, texts) -> updates.add(update(tableName, instanceId, categoryId, texts)));
        return updates;
    }

    /**
     * The condition makes the write fail, rather than add a duplicate or revive a retired category, when the
     * category was deleted, removed, or gained one of the texts (in any case) since the ticket was validated.
     * {@code version} moves on, so the admin tool's version-guarded edits of the category notice the new tags.
     */
    private static TransactWriteItem update(String tableName, String instanceId, String categoryId,
                                            Map<String, String> textsByKey) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":false", AttributeValue.fromBool(false));
        values.put(":one", AttributeValue.fromN("1"));
        values.put(":newTags", JsonNodeAttributeConverter.toAttribute(TagCategoryItem.tagList(
                textsByKey.values().stream().map(text -> new Tag(text, false)).toList())));
        values.put(":newTexts", AttributeValue.fromSs(List.copyOf(textsByKey.keySet())));
        StringBuilder condition = new StringBuilder("attribute_exists(PK) AND #deleted = :false");
        int n = 0;
        for (String key : textsByKey.keySet()) {
            values.put(":text" + n, AttributeValue.fromS(key));
            condition.append(" AND NOT contains(#tagTexts, :text").append(n++).append(')');
        }
        return TransactWriteItem.builder().update(u -> u
                        .tableName(tableName)
                        .key(Map.of("PK", AttributeValue.fromS(Keys.instance(instanceId)),
                                "SK", AttributeValue.fromS(Keys.tagCategory(categoryId))))
                        .updateExpression(APPEND)
                        .conditionExpression(condition.toString())
                        .expressionAttributeNames(NAMES)
                        .expressionAttributeValues(values))
                .build();
    }
}
