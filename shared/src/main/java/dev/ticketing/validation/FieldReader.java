package dev.ticketing.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.model.Priority;
import dev.ticketing.model.User;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed values out of a JSON request body, recording an error that names the field and what was
 * expected instead of throwing at the first problem.
 */
public final class FieldReader {

    public static final int MAX_TITLE_LENGTH = 255;
    /**
     * A ticket item holds the description twice (the text and its lower-cased search copy) and an update activity
     * holds the old and the new one; at up to 3 UTF-8 bytes a character, 16,000 keeps both items well under
     * DynamoDB's 400 KB (docs/limits.md has the whole budget).
     */
    public static final int MAX_DESCRIPTION_LENGTH = 16_000;
    public static final int MAX_USER_TEXT_LENGTH = 255;

    private FieldReader() {
    }

    /** The object at {@code name}, or empty (with an error) when it is missing or not an object. */
    public static Optional<JsonNode> requiredObject(JsonNode parent, String name, String path, Errors errors) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (node == null || node.isNull()) {
            errors.add(path, "is required");
            return Optional.empty();
        }
        if (!node.isObject()) {
            errors.add(path, "must be a JSON object");
            return Optional.empty();
        }
        return Optional.of(node);
    }

    public static void rejectUnknownFields(JsonNode object, Set<String> allowed, String path, Errors errors) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                errors.add(path + "." + name, "is not a known field; expected one of " + String.join(", ", allowed));
            }
        }
    }

    /** A required non-blank string, trimmed, of at most {@code maxLength} characters. */
    public static String requiredText(JsonNode node, String path, int maxLength, Errors errors) {
        if (node == null || node.isNull()) {
            errors.add(path, "is required");
            return null;
        }
        String text = optionalText(node, path, maxLength, errors);
        if (text != null && text.isEmpty()) {
            errors.add(path, "must not be blank");
            return null;
        }
        return text;
    }

    /** An optional string (absent or null gives null), trimmed, of at most {@code maxLength} characters. */
    public static String optionalText(JsonNode node, String path, int maxLength, Errors errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(path, "must be a string");
            return null;
        }
        String text = node.textValue().strip();
        if (text.length() > maxLength) {
            errors.add(path, "must be at most " + maxLength + " characters (got " + text.length() + ")");
            return null;
        }
        return text;
    }

    /** An IUser: an object with a non-blank {@code id}, and optional {@code name} and {@code email}. */
    /** A JSON boolean; absent or null is {@code false}. The live API's multipart forms send "true"/"false". */
    public static boolean optionalBoolean(JsonNode node, String path, Errors errors) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.textValue().equals("true") || node.textValue().equals("false"))) {
            return Boolean.parseBoolean(node.textValue());
        }
        errors.add(path, "must be true or false");
        return false;
    }

    public static User user(JsonNode node, String path, Errors errors) {
        if (node == null || node.isNull()) {
            errors.add(path, "is required");
            return null;
        }
        if (!node.isObject()) {
            errors.add(path, "must be an IUser object {\"id\", \"name\", \"email\"}");
            return null;
        }
        rejectUnknownFields(node, Set.of("id", "name", "email"), path, errors);
        String id = requiredText(node.get("id"), path + ".id", MAX_USER_TEXT_LENGTH, errors);
        String name = optionalText(node.get("name"), path + ".name", MAX_USER_TEXT_LENGTH, errors);
        String email = optionalText(node.get("email"), path + ".email", MAX_USER_TEXT_LENGTH, errors);
        if (email != null && !email.isEmpty() && !email.contains("@")) {
            errors.add(path + ".email", "must be an email address");
        }
        return new User(id, name, email);
    }

    public static Priority priority(JsonNode node, String path, Errors errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        Optional<Priority> priority = node.isTextual() ? Priority.parse(node.textValue()) : Optional.empty();
        if (priority.isEmpty()) {
            errors.add(path, "must be one of " + String.join(", ", Priority.NAMES));
            return null;
        }
        return priority.get();
    }

    /**
     * The range of every date-time a client may send. Within it, every answer's {@code timezone} (-12 to +14) renders
     * a four-digit year; outside it, years at or below 0 and far futures such as {@code +999999999-12-31} would be
     * stored and then fail or shift when read back.
     */
    public static final Instant EARLIEST_DATE_TIME = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST_DATE_TIME = Instant.parse("9999-12-30T23:59:59.999Z");
    public static final String DATE_TIME_RANGE = "from 1970-01-01T00:00:00Z to 9999-12-30T23:59:59.999Z";

    /** An ISO-8601 date-time with offset ({@code 2023-07-26T17:00:00Z}) or a date ({@code 2023-07-26}) at UTC. */
    public static Instant dateTime(JsonNode node, String path, Errors errors) {
        return dateTime(node, path, ZoneOffset.UTC, errors);
    }

    /**
     * As above; a date alone is midnight at {@code dateOffset}, the offset of whoever sent it (the request's
     * {@code timezone}), as the live API keeps it: a due date set by a user at GMT-5 stays that day for them.
     */
    public static Instant dateTime(JsonNode node, String path, ZoneOffset dateOffset, Errors errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        Optional<Instant> instant = node.isTextual() ? parseAnyDateTime(node.textValue(), dateOffset)
                : Optional.empty();
        if (instant.isEmpty()) {
            errors.add(path, "must be an ISO-8601 date-time such as 2023-07-26T17:00:00Z");
            return null;
        }
        if (!inRange(instant.get())) {
            errors.add(path, "must be " + DATE_TIME_RANGE);
            return null;
        }
        return instant.get();
    }

    /** A date-time as {@link #dateTime} reads it, and only within the accepted range. */
    public static Optional<Instant> parseDateTime(String text) {
        return parseAnyDateTime(text, ZoneOffset.UTC).filter(FieldReader::inRange);
    }

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST_DATE_TIME) && !instant.isAfter(LATEST_DATE_TIME);
    }

    private static Optional<Instant> parseAnyDateTime(String text, ZoneOffset dateOffset) {
        String value = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notDateTime) {
            try {
                return Optional.of(LocalDate.parse(value).atStartOfDay(dateOffset).toInstant());
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
