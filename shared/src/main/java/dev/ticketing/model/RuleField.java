package dev.ticketing.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ticket fields an assignment rule's condition may test, each with the operators suited to it. A condition on
 * a custom field names the field's id instead; its operators depend on the field's type ({@link #operatorsFor}).
 */
public enum RuleField {
    priority("equals", "notEquals", "in", "notIn"),
    tags("contains", "notContains"),
    requestorEmail("equals", "notEquals", "contains", "endsWith", "in"),
    requestorDomain("equals", "notEquals", "endsWith", "in"),
    title("contains", "notContains", "containsAny"),
    description("contains", "notContains", "containsAny"),
    expectedDate("before", "after");

    /** Operators whose value is an array of strings (any one of them). */
    public static final List<String> LIST_OPERATORS = List.of("in", "notIn", "containsAny");

    private static final Map<CustomFieldType, List<String>> CUSTOM_FIELD_OPERATORS = Map.of(
            CustomFieldType.textField, List.of("equals", "notEquals", "contains", "notContains"),
            CustomFieldType.textArea, List.of("equals", "notEquals", "contains", "notContains"),
            CustomFieldType.toggle, List.of("equals"),
            CustomFieldType.number, List.of("equals", "notEquals", "greaterThan", "lessThan"),
            CustomFieldType.datePicker, List.of("before", "after"),
            CustomFieldType.peoplePicker, List.of("contains", "notContains"),
            CustomFieldType.singleItemPicker, List.of("contains", "notContains", "in"),
            CustomFieldType.multipleItemsPicker, List.of("contains", "notContains", "in"));

    private final List<String> operators;

    RuleField(String... operators) {
        this.operators = List.of(operators);
    }

    public List<String> operators() {
        return operators;
    }

    public static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();

    public static Optional<RuleField> parse(String name) {
        return Arrays.stream(values()).filter(f -> f.name().equals(name)).findFirst();
    }

    /** The operators a condition on a custom field of this type may use. */
    public static List<String> operatorsFor(CustomFieldType type) {
        return CUSTOM_FIELD_OPERATORS.getOrDefault(type, List.of());
    }
}
