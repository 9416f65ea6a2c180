package dev.ticketing.store.dynamodb;

import dev.ticketing.model.Activity;
import dev.ticketing.model.ActivityType;
import dev.ticketing.model.Ticket;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the item images of the table's change stream as the domain's values, with the same schemas the store
 * writes them with; any other item (counts, aliases, webhooks...) is empty.
 */
public final class StreamImages {

    private StreamImages() {
    }

    /** The ticket an image holds: an item of type {@value TicketItem#TYPE}. */
    public static Optional<Ticket> ticket(Map<String, AttributeValue> image) {
        if (!isType(image, TicketItem.TYPE)) {
            return Optional.empty();
        }
        return Optional.of(TicketItem.SCHEMA.mapToItem(image).toTicket());
    }

    /** The comment an image holds: an activity item of type comment. */
    public static Optional<Activity> comment(Map<String, AttributeValue> image) {
        if (!isType(image, ActivityItem.TYPE)) {
            return Optional.empty();
        }
        Activity activity = ActivityItem.SCHEMA.mapToItem(image).toActivity();
        return activity.type() == ActivityType.comment ? Optional.of(activity) : Optional.empty();
    }

    private static boolean isType(Map<String, AttributeValue> image, String type) {
        return image != null && image.get("type") != null && type.equals(image.get("type").s());
    }
}
