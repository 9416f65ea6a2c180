package dev.ticketing.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** IPersonaProps (as Fluent UI names them): a person shown in pickers; {@code secondaryText} is the email. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Persona(String id, String text, String secondaryText, String imageUrl) {
}
