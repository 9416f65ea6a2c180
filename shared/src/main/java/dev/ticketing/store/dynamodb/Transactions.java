package dev.ticketing.store.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Reads why DynamoDB cancelled a transaction. */
final class Transactions {

    private Transactions() {
    }

    /** True when at least one action's condition failed (as opposed to a conflict or a throttle). */
    static boolean conditionFailed(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream()
                .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
    }

    /** True when another transaction held one of the items: nothing was written and a retry may succeed. */
    static boolean conflicted(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream()
                .anyMatch(r -> "TransactionConflict".equals(r.code()));
    }

    /** True when an action at {@code first} or later failed its condition or met another transaction. */
    static boolean failedFrom(TransactionCanceledException e, int first) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream().skip(first)
                .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()) || "TransactionConflict".equals(r.code()));
    }

    /** True when the condition of the action at {@code index} (in request order) failed. */
    static boolean conditionFailedAt(TransactionCanceledException e, int index) {
        return e.hasCancellationReasons() && e.cancellationReasons().size() > index
                && "ConditionalCheckFailed".equals(e.cancellationReasons().get(index).code());
    }

    /** True when the action at {@code index} failed its condition or met another transaction. */
    static boolean failedAt(TransactionCanceledException e, int index) {
        if (!e.hasCancellationReasons() || e.cancellationReasons().size() <= index) {
            return false;
        }
        String code = e.cancellationReasons().get(index).code();
        return "ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code);
    }
}
