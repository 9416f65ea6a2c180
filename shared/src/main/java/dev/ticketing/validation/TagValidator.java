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
                    64, errors);
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
        return result;
    }

    /** The validated tags whose text is not yet in their category: the ticket's write adds them to it. */
    public static List<TicketTag> newTexts(List<TicketTag> tags, List<TagCategory> categories) {
        return tags.stream()
                .filter(tag -> categories.stream().noneMatch(c -> c.id().equals(tag.tagCategoryId())
                        && c.tag(tag.text()).isPresent()))
                .toList();
    }
}
