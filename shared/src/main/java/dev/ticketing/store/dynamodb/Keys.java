package dev.ticketing.store.dynamodb;

import java.time.Instant;

/**
 * Builds every partition and sort key of the single table, so key formats live in one place.
 * All of an instance's items have keys that start with {@code INSTANCE#<instanceId>}, except API keys,
 * which are looked up by their hash before the instance is known, and the instance directory's entries
 * ({@code INSTANCES} / {@code INSTANCE#<instanceId>}), which list the instances without a scan.
 */
final class Keys {

    static final String INSTANCE_SK = "INSTANCE";
    static final String COUNTER_SK = "COUNTER#TICKET";
    /** Sort keys of an instance's ticket counts: one shard item per remainder, and the item marking them complete. */
    static final String TICKET_COUNTS_PREFIX = "TICKETCOUNT#";
    static final String TICKET_COUNTS_READY_SK = TICKET_COUNTS_PREFIX + "READY";
    static final String TAG_CATEGORY_PREFIX = "TAGCATEGORY#";
    static final String API_KEY_SK = "APIKEY";
    static final String TICKET_SK = "TICKET";
    static final String TICKET_ID_SK = "TICKETID";
    static final String ACTIVITY_PREFIX = "ACTIVITY#";
    static final String IDEMPOTENCY_SK = "IDEMPOTENCY";
    static final String INSTANCE_DIRECTORY_PK = "INSTANCES";
    static final String ATTACHMENT_PREFIX = "ATTACHMENT#";
    static final String ACTIVITY_ID_SK = "ACTIVITYID";
    static final String UPLOAD_PREFIX = "UPLOAD#";
    static final String ROUND_ROBIN_PREFIX = "ROUNDROBIN#";
    static final String WEBHOOK_PREFIX = "WEBHOOK#";
    static final String DELIVERY_PREFIX = "DELIVERY#";
    static final String DELIVERY_ATTEMPT_PREFIX = "ATTEMPT#";

    /** Fixed width, so that the lexical order of stored date-times is their chronological order. */
    private Keys() {
    }

    static String instance(String instanceId) {
        return "INSTANCE#" + instanceId;
    }

    /** The sort key of an instance's entry in the directory partition {@link #INSTANCE_DIRECTORY_PK}. */
    static String instanceEntry(String instanceId) {
        return "INSTANCE#" + instanceId;
    }

    static String tagCategory(String tagCategoryId) {
        return TAG_CATEGORY_PREFIX + tagCategoryId;
    }

    static String apiKey(String keyHash) {
        return "APIKEY#" + keyHash;
    }

    static String ticket(String instanceId, long ticketNumber) {
        return instance(instanceId) + "#TICKET#" + paddedNumber(ticketNumber);
    }

    static String ticketIdAlias(String instanceId, String ticketUuid) {
        return instance(instanceId) + "#TICKETID#" + ticketUuid;
    }

    static String activity(Instant createdOn, String activityId) {
        return ACTIVITY_PREFIX + instant(createdOn) + "#" + activityId;
    }

    /** In the ticket's partition, after its activity: a ticket's attachments sort by time, an activity's together. */
    static String attachment(Instant createdOn, String activityId, int index) {
        return attachmentsOf(createdOn, activityId) + String.format("%02d", index);
    }

    static String attachmentsOf(Instant createdOn, String activityId) {
        return ATTACHMENT_PREFIX + instant(createdOn) + "#" + activityId + "#";
    }

    /** Finds an activity (its ticket and time) from its id alone, as GET /tickets/activity/{id}/... needs. */
    static String activityIdAlias(String instanceId, String activityId) {
        return instance(instanceId) + "#ACTIVITYID#" + activityId;
    }

    /** In the instance's partition: one assignment rule's round-robin turn counter. */
    static String roundRobin(String ruleId) {
        return ROUND_ROBIN_PREFIX + ruleId;
    }

    static String upload(String uploadId) {
        return UPLOAD_PREFIX + uploadId;
    }

    static String idempotency(String instanceId, String idempotencyKey) {
        return instance(instanceId) + "#IDEMPOTENCY#" + idempotencyKey;
    }

    /** The partition of an instance's webhook subscriptions: one Query lists them all. */
    static String webhooks(String instanceId) {
        return instance(instanceId) + "#WEBHOOKS";
    }

    static String webhook(String webhookId) {
        return WEBHOOK_PREFIX + webhookId;
    }

    /** The partition of one webhook's deliveries and attempts. */
    static String webhook(String instanceId, String webhookId) {
        return instance(instanceId) + "#WEBHOOK#" + webhookId;
    }

    static String delivery(String deliveryId) {
        return DELIVERY_PREFIX + deliveryId;
    }

    /** Sorted by time, so the most recent attempts come first in a descending Query. */
    static String deliveryAttempt(Instant attemptedOn, String deliveryId, int attempt) {
        return DELIVERY_ATTEMPT_PREFIX + instant(attemptedOn) + "#" + deliveryId + "#" + String.format("%02d", attempt);
    }

    /** The shard of the instance's ticket counts that counts this ticket: its number modulo {@code shards}. */
    static String ticketCountShard(long ticketNumber, int shards) {
        return TICKET_COUNTS_PREFIX + Math.floorMod(ticketNumber, shards);
    }

    /** Partition of the ticket list indexes: every ticket of one instance. */
    static String ticketList(String instanceId) {
        return instance(instanceId) + "#TICKETS";
    }

    static String ticketListByStatus(String instanceId, String status) {
        return ticketList(instanceId) + "#STATUS#" + status;
    }

    static String ticketListByPriority(String instanceId, String priority) {
        return ticketList(instanceId) + "#PRIORITY#" + priority;
    }

    /**
     * Partition of the escalated-tickets index: one per combination of flags, so that a ticket is in exactly one and
     * "escalated for its first response" reads two ({@code FRT} and {@code FRT_RT}). Null when neither flag is set.
     */
    static String escalatedTickets(String instanceId, boolean firstResponse, boolean resolution) {
        if (!firstResponse && !resolution) {
            return null;
        }
        return ticketList(instanceId) + "#ESCALATED#" + escalation(firstResponse, resolution);
    }

    static String escalation(boolean firstResponse, boolean resolution) {
        return firstResponse && resolution ? "FRT_RT" : firstResponse ? "FRT" : "RT";
    }

    /** Shards of the timers index: its writes spread over this many partitions, which each run reads. */
    static final int DUE_SHARDS = 10;
    static final String DUE_SHARD_PREFIX = "DUE#";

    /**
     * Partition of the timers index. Not an instance's: the scheduled automation finds every instance's due
     * tickets without knowing the instances. The item itself stays in its instance's partition.
     */
    static String dueShard(long ticketNumber) {
        return DUE_SHARD_PREFIX + Math.floorMod(ticketNumber, DUE_SHARDS);
    }

    static String dueShard(int shard) {
        return DUE_SHARD_PREFIX + shard;
    }

    /** Sort key of the timers index: when the next timer fires, then which ticket (unique, and stable in ties). */
    static String dueAt(Instant due, String instanceId, long ticketNumber) {
        return instant(due) + "#" + instanceId + "#" + paddedNumber(ticketNumber);
    }

    /** Ten digits: ticket numbers sort as text in index sort keys. */
    static String paddedNumber(long ticketNumber) {
        return String.format("%010d", ticketNumber);
    }

    static String instant(Instant instant) {
        return SortableInstants.format(instant);
    }
}
