package dev.ticketing.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.Json;
import dev.ticketing.model.CustomField;
import dev.ticketing.model.CustomFieldOption;
import dev.ticketing.model.Instance;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks custom field values against the instance's definitions: known field id, the value's type,
 * required fields, text length, and option ids that exist and are not deleted. Errors name the field
 * by id and display name.
 */
public final class CustomFieldValidator {

    public static final int MAX_NUMBER_DIGITS = 38;
    /** Whatever maxLength an instance defines: a text value is one of several in a 400 KB item. */
    public static final int MAX_TEXT_LENGTH = 10_000;
    public static final int MAX_PEOPLE = 50;
    public static final int MAX_OPTIONS = 100;
    /**
     * All of a ticket's custom field values together, as compact JSON. A people picker of 50 users alone could reach
     * 38,000 characters, so the per-value bounds do not suffice; an update activity holds old and new values.
     */
    public static final int MAX_TOTAL_LENGTH = 16_000;
    static final BigDecimal MIN_NUMBER_MAGNITUDE = new BigDecimal("1E-130");
    static final BigDecimal MAX_NUMBER_MAGNITUDE = new BigDecimal("1E+126");

    private CustomFieldValidator() {
    }

    /**
     * Validates the values of a new ticket; returns them cleaned (text trimmed, nulls dropped).
     * Required fields must be present.
     */
    public static ObjectNode forCreate(JsonNode values, Instance instance, String path, Errors errors) {
        ObjectNode cleaned = validate(values, instance, path, errors, false);
        checkTotal(cleaned, path, errors);
        for (CustomField field : instance.customFieldsById().values()) {
            // A value that was sent but rejected already has its own error; report only missing ones.
            boolean sent = values != null && values.isObject() && values.hasNonNull(field.id());
            if (field.required() && !field.deleted() && !sent) {
                errors.add(path + "." + field.id(), label(field) + " is required");
            }
        }
        return cleaned;
    }

    /**
     * Validates a partial change of values; a null value means "remove". The result keeps nulls so the
     * caller can merge it; removing a required field is an error.
     */
    public static ObjectNode forUpdate(JsonNode values, Instance instance, String path, Errors errors) {
        return validate(values, instance, path, errors, true);
    }

    /** A ticket's values as a whole, after a create or after an update merged its changes in. */
    public static void checkTotal(JsonNode values, String path, Errors errors) {
        int length = Json.write(values).length();
        if (length > MAX_TOTAL_LENGTH) {
            errors.add(path, "all custom field values together must be at most " + MAX_TOTAL_LENGTH
                    + " characters of JSON (got " + length + ")");
        }
    }

    private static ObjectNode validate(JsonNode values, Instance instance, String path, Errors errors,
                                       boolean keepNulls) {
        ObjectNode cleaned = JsonNodeFactory.instance.objectNode();
        if (values == null || values.isNull()) {
            return cleaned;
        }
        if (!values.isObject()) {
            errors.add(path, "must be an object of custom field id to value");
            return cleaned;
        }
        Map<String, CustomField> definitions = instance.customFieldsById();
        for (Map.Entry<String, JsonNode> entry : values.properties()) {
            String fieldPath = path + "." + entry.getKey();
            CustomField field = definitions.get(entry.getKey());
            if (field == null) {
                errors.add(fieldPath, "is not a custom field of this instance (see GET /instance for the ids)");
                continue;
            }
            JsonNode value = entry.getValue();
            if (value == null || value.isNull()) {
                if (keepNulls) {
                    // A deleted field's old value may be cleared even if the field was required.
                    if (field.required() && !field.deleted()) {
                        errors.add(fieldPath, label(field) + " is required and cannot be removed");
                    } else {
                        cleaned.putNull(field.id());
                    }
                }
                continue;
            }
            if (field.deleted()) {
                errors.add(fieldPath, label(field) + " has been deleted and no longer takes values");
                continue;
            }
            checkValue(field, value, fieldPath, errors).ifPresent(v -> cleaned.set(field.id(), v));
        }
        return cleaned;
    }

    private static Optional<JsonNode> checkValue(CustomField field, JsonNode value, String path, Errors errors) {
        switch (field.type()) {
            case textField:
            case textArea:
                return text(field, value, path, errors);
            case toggle:
                if (!value.isBoolean()) {
                    errors.add(path, label(field) + " is a toggle and must be true or false");
                    return Optional.empty();
                }
                return Optional.of(value);
            case number:
                return number(field, value, path, errors);
            case datePicker:
                if (!value.isTextual() || FieldReader.parseDateTime(value.textValue()).isEmpty()) {
                    errors.add(path, label(field) + " is a date picker and must be an ISO-8601 date-time such as "
                            + "2023-07-26T17:00:00Z, " + FieldReader.DATE_TIME_RANGE);
                    return Optional.empty();
                }
                return Optional.of(JsonNodeFactory.instance.textNode(value.textValue().strip()));
            case peoplePicker:
                return people(field, value, path, errors);
            case singleItemPicker:
                return options(field, value, path, errors, true);
            case multipleItemsPicker:
                return options(field, value, path, errors, false);
            default:
                errors.add(path, label(field) + " has an unsupported type " + field.type());
                return Optional.empty();
        }
    }

    private static Optional<JsonNode> text(CustomField field, JsonNode value, String path, Errors errors) {
        if (!value.isTextual()) {
            errors.add(path, label(field) + " must be a string");
            return Optional.empty();
        }
        String text = value.textValue().strip();
        int maxLength = Math.min(field.effectiveMaxLength(), MAX_TEXT_LENGTH);
        if (text.length() > maxLength) {
            errors.add(path, label(field) + " must be at most " + maxLength
                    + " characters (got " + text.length() + ")");
            return Optional.empty();
        }
        if (text.isEmpty() && field.required()) {
            errors.add(path, label(field) + " is required and must not be blank");
            return Optional.empty();
        }
        return Optional.of(JsonNodeFactory.instance.textNode(text));
    }

    /**
     * What DynamoDB can store (developer guide, "Supported data types": numbers have up to 38 digits of precision
     * and a magnitude from 1E-130 to 9.99...E+125), so a value it would refuse is a 400 before a ticket number is
     * taken.
     */
    private static Optional<JsonNode> number(CustomField field, JsonNode value, String path, Errors errors) {
        if (!value.isNumber()) {
            errors.add(path, label(field) + " must be a number");
            return Optional.empty();
        }
        if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
            errors.add(path, label(field) + " must be a finite number");
            return Optional.empty();
        }
        BigDecimal number = value.decimalValue().stripTrailingZeros();
        if (number.precision() > MAX_NUMBER_DIGITS) {
            errors.add(path, label(field) + " must have at most " + MAX_NUMBER_DIGITS + " significant digits (got "
                    + number.precision() + ")");
            return Optional.empty();
        }
        BigDecimal magnitude = number.abs();
        if (number.signum() != 0
                && (magnitude.compareTo(MIN_NUMBER_MAGNITUDE) < 0 || magnitude.compareTo(MAX_NUMBER_MAGNITUDE) >= 0)) {
            errors.add(path, label(field) + " must be 0 or have a magnitude from 1E-130 to below 1E+126");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static Optional<JsonNode> people(CustomField field, JsonNode value, String path, Errors errors) {
        if (!value.isArray()) {
            errors.add(path, label(field) + " is a people picker and must be an array of IUser objects");
            return Optional.empty();
        }
        if (value.size() > MAX_PEOPLE) {
            errors.add(path, label(field) + " takes at most " + MAX_PEOPLE + " people (got " + value.size() + ")");
            return Optional.empty();
        }
        Errors personErrors = new Errors();
        int index = 0;
        for (JsonNode person : value) {
            FieldReader.user(person, path + "[" + index++ + "]", personErrors);
        }
        if (!personErrors.isEmpty()) {
            errors.add(path, label(field) + " is a people picker: every entry must be an IUser object with an id");
            return Optional.empty();
        }
        if (value.isEmpty() && field.required()) {
            errors.add(path, label(field) + " is required: choose at least one person");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** Pickers take an array of option ids; a single item picker also accepts one id as a plain string. */
    private static Optional<JsonNode> options(CustomField field, JsonNode value, String path, Errors errors,
                                              boolean single) {
        JsonNode ids = value;
        if (single && value.isTextual()) {
            ids = JsonNodeFactory.instance.arrayNode().add(value.textValue());
        }
        if (!ids.isArray()) {
            errors.add(path, label(field) + " must be an array of option ids");
            return Optional.empty();
        }
        if (ids.size() > MAX_OPTIONS) {
            errors.add(path, label(field) + " takes at most " + MAX_OPTIONS + " option ids (got " + ids.size() + ")");
            return Optional.empty();
        }
        if (single && ids.size() > 1) {
            errors.add(path, label(field) + " is a single item picker and takes at most one option id");
            return Optional.empty();
        }
        Set<String> seen = new HashSet<>();
        boolean valid = true;
        for (JsonNode id : ids) {
            if (!id.isTextual()) {
                errors.add(path, label(field) + " must be an array of option ids (strings)");
                return Optional.empty();
            }
            Optional<CustomFieldOption> option = field.option(id.textValue());
            if (option.isEmpty()) {
                errors.add(path, label(field) + " has no option " + id.textValue());
                valid = false;
            } else if (option.get().deleted()) {
                errors.add(path, label(field) + " option " + id.textValue() + " (" + option.get().text()
                        + ") has been deleted");
                valid = false;
            } else if (!seen.add(id.textValue())) {
                errors.add(path, label(field) + " lists option " + id.textValue() + " twice");
                valid = false;
            }
        }
        if (ids.isEmpty() && field.required()) {
            errors.add(path, label(field) + " is required: choose at least one option");
            return Optional.empty();
        }
        return valid ? Optional.of(ids) : Optional.empty();
    }

    static String label(CustomField field) {
        return "custom field '" + field.name() + "'";
    }
}
