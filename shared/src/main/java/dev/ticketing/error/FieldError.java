package dev.ticketing.error;

/** One problem with one named parameter or body field, e.g. {@code ticket.title: is required}. */
public record FieldError(String field, String message) {
}
