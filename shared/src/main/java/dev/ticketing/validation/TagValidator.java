package dev.ticketing.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.model.Tag;
import dev.ticketing.model.TagCategory;
import dev.ticketing.model.TicketTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a ticket's tags: each names a tag category of the instance that is not deleted, and a trimmed,
 * non-empty text that is not a deleted tag. Texts new to their category are allowed (they are added).
 */
public final class TagValidator {

    public static final int MAX_TAG_LENGTH = 50;
    public static final int MAX_TAGS = 50;
    public static final int MAX_CATEGORY_ID_LENGTH = 64;
    /** Texts one request may add to one category: a burst of new tags is a mistake more often than a need. */
    public static final int MAX_NEW_TAGS_PER_REQUEST = 10;
    /**
     * Tags (deleted ones included) one category may hold: the category is one item, and 500 texts of up to 50
     * characters stay near 100 KB of DynamoDB's 400 KB.
     */
    public static final int MAX_TAGS_PER_CATEGORY = 500;

    private TagValidator() {
    }

    public static List<TicketTag> validate(JsonNode tags, List<TagCategory> categories, String path, Errors errors) {
        List<TicketTag> result = new ArrayList<>();
        if (tags == null || tags.isNull()) {
            return result;
        }
        if (!tags.isArray()) {
            errors.add(path, "must be an array of {\"tagCategoryId\", \"text\"}");
            return result;
        }
        if (tags.size() > MAX_TAGS) {
            errors.add(path, "must have at most " + MAX_TAGS + " tags (got " + tags.size() + ")");
            return result;
        }
        Map<String, TicketTag> distinct = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode tag : tags) {
            String tagPath = path + "[" + index++ + "]";
            if (!tag.isObject()) {
                errors.add(tagPath, "must be an object {\"tagCategoryId\", \"text\"}");
                continue;
            }
            FieldReader.rejectUnknownFields(tag, Set.of("tagCategoryId", "text"), tagPath, errors);
            String categoryId = FieldReader.requiredText(tag.get("tagCategoryId"), tagPath + ".tagCategoryId",
                    MAX_CATEGORY_ID_LENGTH, errors);
            String text = FieldReader.requiredText(tag.get("text"), tagPath + ".text", MAX_TAG_LENGTH, errors);
            if (categoryId == null || text == null) {
                continue;
            }
            Optional<TagCategory> category = categories.stream().filter(c -> c.id().equals(categoryId)).findFirst();
            if (category.isEmpty()) {
                errors.add(tagPath + ".tagCategoryId", "is not a tag category of this instance (see GET /tags)");
                continue;
            }
            if (category.get().deleted()) {
                errors.add(tagPath + ".tagCategoryId", "tag category '" + category.get().text() + "' has been deleted");
                continue;
            }
            Optional<Tag> existing = category.get().tag(text);
            if (existing.isPresent() && existing.get().deleted()) {
                errors.add(tagPath + ".text", "tag '" + existing.get().text() + "' has been deleted from category '"
                        + category.get().text() + "'");
                continue;
            }
            // An existing tag keeps its stored spelling, so "VPN" and "vpn" stay one tag.
            String canonical = existing.map(Tag::text).orElse(text);
            TicketTag ticketTag = new TicketTag(categoryId, canonical);
            distinct.putIfAbsent(ticketTag.filterKey(), ticketTag);
        }
        result.addAll(distinct.values());
        checkNewTexts(result, categories, path, errors);
        return result;
    }

    private static void checkNewTexts(List<TicketTag> tags, List<TagCategory> categories, String path,
                                      Errors errors) {
        Map<String, Integer> newByCategory = new LinkedHashMap<>();
        newTexts(tags, categories).forEach(tag -> newByCategory.merge(tag.tagCategoryId(), 1, Integer::sum));
        newByCategory.forEach((categoryId, count) -> {
            TagCategory category = categories.stream().filter(c -> c.id().equals(categoryId)).findFirst()
                    .orElseThrow();
            if (count > MAX_NEW_TAGS_PER_REQUEST) {
                errors.add(path, "may add at most " + MAX_NEW_TAGS_PER_REQUEST + " new tags to category '"
                        + category.text() + "' at once (got " + count + ")");
            } else if (category.tags().size() + count > MAX_TAGS_PER_CATEGORY) {
                errors.add(path, "tag category '" + category.text() + "' holds " + category.tags().size()
                        + " of at most " + MAX_TAGS_PER_CATEGORY + " tags; use one of its tags (GET /tags)");
            }
        });
    }

    /** The validated tags whose text is not yet in their category: the ticket's write adds them to it. */
    public static List<TicketTag> newTexts(List<TicketTag> tags, List<TagCategory> categories) {
        return tags.stream()
                .filter(tag -> categories.stream().noneMatch(c -> c.id().equals(tag.tagCategoryId())
                        && c.tag(tag.text()).isPresent()))
                .toList();
    }
}
