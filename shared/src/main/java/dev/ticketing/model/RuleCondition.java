package dev.ticketing.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One condition of an {@link AssignmentRule}: a ticket {@code field} (see {@link RuleField}) or a custom field id,
 * an {@code operator} suited to it and the {@code value} compared with (a string, number, boolean, array or tag).
 */
public record RuleCondition(String field, String operator, JsonNode value) {
}
