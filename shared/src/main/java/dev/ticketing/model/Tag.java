package dev.ticketing.model;

/** ITag: one text of a tag category; deleted tags stay on old tickets but cannot be newly applied. */
public record Tag(String text, boolean deleted) {
}
