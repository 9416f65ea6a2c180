package dev.ticketing.store;

/** Each instance has two keys, so one can be rotated while clients still use the other. */
public enum ApiKeySlot {
    primary, secondary
}
