package dev.ticketing.model;

import java.util.List;
import java.util.Optional;

/** ITagCategory: a named, coloured group of tags of one instance. */
public record TagCategory(String id, String instanceId, String text, String color, List<Tag> tags, boolean deleted) {

    public TagCategory {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Tag texts match case-insensitively, so "VPN" and "vpn" are one tag. */
    public Optional<Tag> tag(String text) {
        return tags.stream().filter(t -> t.text().equalsIgnoreCase(text)).findFirst();
    }
}
