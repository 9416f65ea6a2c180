package dev.ticketing.store.dynamodb;

import dev.ticketing.model.Ticket;
import dev.ticketing.model.User;
import java.time.Instant;
import java.util.Locale;

/**
 * Sort-key values of the ticket list indexes, one per {@code orderBy}. Every value ends with the ticket
 * number, so keys are unique and ties break stably. Text is compared case-insensitively; a ticket that
 * lacks the value (no assignee, no expected date) gets the {@link #MISSING} prefix, which sorts after
 * every present value: last in ascending order, first in descending order.
 */
final class TicketSortKeys {

    static final String PRESENT = "1";
    static final String MISSING = "2";
    static final String SEPARATOR = "\u0001";
    /** Long texts are compared on their first characters only: index keys are limited to 1 KB. */
    static final int MAX_SORT_TEXT = 200;
    /** Every key ends with the ticket number in this many digits. */
    static final int NUMBER_WIDTH = 10;

    private TicketSortKeys() {
    }

    static String status(Ticket t) {
        return (t.status().ordinal() + 1) + SEPARATOR + number(t);
    }

    static String priority(Ticket t) {
        return (t.priority().ordinal() + 1) + SEPARATOR + number(t);
    }

    static String ticketId(Ticket t) {
        return number(t);
    }

    static String title(Ticket t) {
        return text(t.title(), t);
    }

    static String requestorName(Ticket t) {
        return text(t.requestor() == null ? null : t.requestor().name(), t);
    }

    static String requestorEmail(Ticket t) {
        return text(t.requestor() == null ? null : t.requestor().email(), t);
    }

    static String assigneeName(Ticket t) {
        User assignee = t.assignee();
        return text(assignee == null ? null : assignee.name(), t);
    }

    static String assigneeEmail(Ticket t) {
        User assignee = t.assignee();
        return text(assignee == null ? null : assignee.email(), t);
    }

    static String expectedDate(Ticket t) {
        return instant(t.expectedDate(), t);
    }

    static String createdDateTime(Ticket t) {
        return Keys.instant(t.createdOn()) + SEPARATOR + number(t);
    }

    static String lastInteraction(Ticket t) {
        Instant last = t.lastInteraction() == null ? t.createdOn() : t.lastInteraction();
        return Keys.instant(last) + SEPARATOR + number(t);
    }

    /**
     * The start of every assignee-email sort key of the tickets assigned to {@code email}: their keys are this
     * prefix followed by the ticket number. Emails are compared as their first {@link #MAX_SORT_TEXT} normalised
     * characters, as the keys hold them.
     */
    static String assigneePrefix(String email) {
        return PRESENT + normalize(email) + SEPARATOR;
    }

    /** Above every key that starts with {@link #assigneePrefix}, below the next email's. */
    static String assigneeRangeEnd(String email) {
        return PRESENT + normalize(email) + (char) (SEPARATOR.charAt(0) + 1);
    }

    /** The incremental export's order: when the ticket last changed, then its number. */
    static String lastUpdatedOn(Ticket t) {
        Instant last = t.lastUpdatedOn() == null ? t.createdOn() : t.lastUpdatedOn();
        return Keys.instant(last) + SEPARATOR + number(t);
    }

    private static String text(String value, Ticket t) {
        String normalized = normalize(value);
        if (normalized.isEmpty()) {
            return MISSING + SEPARATOR + number(t);
        }
        return PRESENT + normalized + SEPARATOR + number(t);
    }

    private static String instant(Instant value, Ticket t) {
        if (value == null) {
            return MISSING + SEPARATOR + number(t);
        }
        return PRESENT + Keys.instant(value) + SEPARATOR + number(t);
    }

    /**
     * The least text above {@code key} and every key that starts like it: as a lower bound, it reads exactly the
     * keys after {@code key}. No key is a prefix of another (each ends with the separator and a fixed-width number,
     * and no normalised text holds the separator), so no key lies between the two.
     */
    static String justAbove(String key) {
        return key + SEPARATOR;
    }

    /**
     * As an upper bound, reads exactly the keys before {@code key}: the same key with the ticket number before its
     * own, or, for number 0, the key without its number, which every key with the same prefix exceeds.
     */
    static String justBelow(String key) {
        int digits = key.length() - NUMBER_WIDTH;
        long number = Long.parseLong(key.substring(digits));
        return number == 0 ? key.substring(0, digits) : key.substring(0, digits) + Keys.paddedNumber(number - 1);
    }

    /** Lower case, trimmed, without control characters (which would sort before the separator). */
    static String normalize(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_SORT_TEXT));
        String lower = value.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length() && out.length() < MAX_SORT_TEXT; i++) {
            char c = lower.charAt(i);
            if (c >= 0x20) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String number(Ticket t) {
        return Keys.paddedNumber(t.ticketId());
    }
}
