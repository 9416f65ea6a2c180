package dev.ticketing.model;

/** One choice of a single or multiple items picker; deleted options stay for old tickets but cannot be chosen. */
public record CustomFieldOption(String id, String text, boolean deleted) {
}
