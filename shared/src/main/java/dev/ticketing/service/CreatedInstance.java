package dev.ticketing.service;

/** A new instance's id and its two API keys: the only moment the keys exist outside their owner's hands. */
public record CreatedInstance(String instanceId, String primaryKey, String secondaryKey) {
}
