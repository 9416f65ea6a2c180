package dev.ticketing.service;

import dev.ticketing.error.FieldError;
import dev.ticketing.error.ValidationException;
import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.model.TicketTag;
import dev.ticketing.store.TicketOrder;
import dev.ticketing.store.TicketQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Validates GET /tickets' query parameters into a {@link TicketQuery}; every invalid parameter is reported at once. */
public final class TicketListParameters {

    /** Offsets read every skipped ticket; beyond this, clients follow the continuation token. */
    public static final int MAX_OFFSET = 1_000;
    /**
     * Values per filter. Each tag adds about 25 characters to the FilterExpression, whose limit is 4 KB (DynamoDB
     * developer guide, "Expression parameters"); 20 tags keep the whole expression near 1 KB.
     */
    public static final int MAX_TAG_VALUES = 20;
    public static final int MAX_TEXT_LENGTH = 255;
    /** {@code tagCategoryId_tagText}: a category id (at most 64) and a tag text (at most 50). */
    public static final int MAX_TAG_VALUE_LENGTH = 64 + 1 + 50;

    private final Function<String, Optional<String>> query;
    private final List<FieldError> errors = new ArrayList<>();

    private TicketListParameters(Function<String, Optional<String>> query) {
        this.query = query;
    }

    /** {@code tokenHeader}: the reference sends the token as a header; the query parameter works too. */
    public static TicketQuery parse(String instanceId, Function<String, Optional<String>> query,
                                    Optional<String> tokenHeader) {
        return new TicketListParameters(query).parse(instanceId, tokenHeader);
    }

    private TicketQuery parse(String instanceId, Optional<String> tokenHeader) {
        PageRequest page = PageRequest.parse(query, tokenHeader, errors);
        int offset = integer("offset", 0, 0, MAX_OFFSET, "; to read further, follow the continuationToken of each "
                + "page");
        TicketOrder orderBy = value("orderBy").map(v -> TicketOrder.parse(v.strip()).orElseGet(() ->
                invalid("orderBy", TicketOrder.createdDateTime, "must be one of " + TicketOrder.NAMES)))
                .orElse(TicketOrder.createdDateTime);
        boolean ascending = value("order").map(v -> switch (v.strip()) {
            case "ASC" -> true;
            case "DESC" -> false;
            default -> invalid("order", false, "must be ASC or DESC");
        }).orElse(false);
        Set<Status> statuses = list("status", Status::parse, Status.NAMES, Status.NAMES.size());
        Set<Priority> priorities = list("priority", Priority::parse, Priority.NAMES, Priority.NAMES.size());
        Set<String> tags = list("tags", TicketListParameters::tagKey, List.of("tagCategoryId_tagText"), MAX_TAG_VALUES);
        Optional<String> title = text("title");
        Optional<String> search = text("search");
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new TicketQuery(instanceId, orderBy, ascending, statuses, priorities, tags, title, search,
                page.limit(), offset, page.continuationToken());
    }

    private Optional<String> value(String name) {
        return query.apply(name).filter(v -> !v.isBlank());
    }

    private int integer(String name, int fallback, int min, int max, String hint) {
        Optional<String> text = value(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.get().strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, as an out-of-range value is
        }
        return invalid(name, fallback, "must be a whole number from " + min + " to " + max + hint);
    }

    private <T> Set<T> list(String name, Function<String, Optional<T>> parser, List<String> valid, int maxValues) {
        Set<T> values = new LinkedHashSet<>();
        Optional<String> text = value(name);
        if (text.isEmpty()) {
            return values;
        }
        String[] parts = text.get().split(",");
        if (parts.length > maxValues) {
            return invalid(name, Set.of(), "takes at most " + maxValues + " comma-separated values (got "
                    + parts.length + ")");
        }
        for (String part : parts) {
            Optional<T> parsed = part.isBlank() ? Optional.empty() : parser.apply(part);
            if (parsed.isEmpty()) {
                return invalid(name, Set.of(), "'" + part + "' is not one of " + valid);
            }
            values.add(parsed.get());
        }
        return values;
    }

    /** Matches case-insensitively: the stored texts are lower-cased. */
    private Optional<String> text(String name) {
        Optional<String> text = value(name).map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty());
        if (text.isPresent() && text.get().length() > MAX_TEXT_LENGTH) {
            return invalid(name, Optional.empty(), "must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        return text;
    }

    /** {@code tagCategoryId_tagText}, keyed exactly as tickets store their tag keys. */
    private static Optional<String> tagKey(String text) {
        String tag = text.strip();
        if (tag.length() > MAX_TAG_VALUE_LENGTH) {
            return Optional.empty();
        }
        int underscore = tag.indexOf('_');
        if (underscore <= 0 || underscore == tag.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new TicketTag(tag.substring(0, underscore), tag.substring(underscore + 1)).filterKey());
    }

    private <T> T invalid(String name, T fallback, String message) {
        errors.add(new FieldError(name, message));
        return fallback;
    }
}
