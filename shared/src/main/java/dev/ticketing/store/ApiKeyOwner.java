package dev.ticketing.store;

/** What an API key resolves to: its instance, which of its two keys it is, and its usage-plan key. */
public record ApiKeyOwner(String instanceId, ApiKeySlot slot, String usageIdentifierKey) {
}
