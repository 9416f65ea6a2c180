package dev.ticketing.store;

/**
 * A turn of an assignment rule's round-robin: {@code turn} is the counter's value as read (0 when it has no item
 * yet), which the ticket takes; its write moves the counter to {@code turn + 1} only if it still holds {@code turn}.
 */
public record RoundRobinTurn(String ruleId, long turn) {
}
