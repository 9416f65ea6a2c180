package dev.ticketing.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * IRule: assigns matching tickets automatically. A rule matches when the ticket's {@code field}
 * (a ticket field name or a custom field id) compares to {@code value} with {@code operator}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssignmentRule(String id, String field, String operator, String value, List<Persona> assignees) {

    public static final List<String> OPERATORS = List.of("equals", "notEquals", "contains");
}
