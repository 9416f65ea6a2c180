package dev.ticketing.model;

/** A tag on a ticket: a text within a tag category. Filters name it as {@code tagCategoryId_text}, ignoring case. */
public record TicketTag(String tagCategoryId, String text) {

    public String filterKey() {
        return tagCategoryId + "_" + TagCategory.matchKey(text);
    }
}
