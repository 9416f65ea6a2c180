package dev.ticketing.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** ITagCategory: a named, coloured group of tags of one instance. */
public record TagCategory(String id, String instanceId, String text, String color, List<Tag> tags, boolean deleted) {

    public TagCategory {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Tag texts match case-insensitively, so "VPN" and "vpn" are one tag. */
    public Optional<Tag> tag(String text) {
        String key = matchKey(text);
        return tags.stream().filter(t -> matchKey(t.text()).equals(key)).findFirst();
    }

    /** The form in which two tag texts are compared; storage keeps it too, so its conditions agree with this. */
    public static String matchKey(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
