package dev.ticketing.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Finds text that cannot be stored: a UTF-16 surrogate without its pair (U+D800 alone) is valid JSON but has no
 * UTF-8 form, so DynamoDB would refuse it (or the SDK would silently replace it) after a ticket number was taken.
 */
public final class JsonText {

    private JsonText() {
    }

    /** The path of the first field name or string value with an unpaired surrogate, e.g. {@code ticket.title}. */
    public static Optional<String> firstUnpairedSurrogate(JsonNode node, String path) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return hasUnpairedSurrogate(node.textValue()) ? Optional.of(path) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = firstUnpairedSurrogate(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String fieldPath = path.isEmpty() ? printable(field.getKey()) : path + "." + printable(field.getKey());
                if (hasUnpairedSurrogate(field.getKey())) {
                    return Optional.of(fieldPath);
                }
                Optional<String> found = firstUnpairedSurrogate(field.getValue(), fieldPath);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    public static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The text with each unpaired surrogate replaced by U+FFFD, so that an error message can name it. */
    public static String printable(String text) {
        if (!hasUnpairedSurrogate(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
