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

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 1000;
    /** Offsets read every skipped ticket; beyond this, clients should follow the continuation token. */
    public static final int MAX_OFFSET = 100_000;

    private final Function<String, Optional<String>> query;
    private final List<FieldError> errors = new ArrayList<>();

    private TicketListParameters(Function<String, Optional<String>> query) {
        this.query = query;
    }

    public static TicketQuery parse(String instanceId, Function<String, Optional<String>> query,
                                    Optional<String> continuationToken) {
        return new TicketListParameters(query).parse(instanceId, continuationToken.filter(t -> !t.isBlank()));
    }

    private TicketQuery parse(String instanceId, Optional<String> token) {
        int limit = integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = integer("offset", 0, 0, MAX_OFFSET);
        TicketOrder orderBy = value("orderBy").map(v -> TicketOrder.parse(v.strip()).orElseGet(() ->
                invalid("orderBy", TicketOrder.createdDateTime, "must be one of " + TicketOrder.NAMES)))
                .orElse(TicketOrder.createdDateTime);
        boolean ascending = value("order").map(v -> switch (v.strip()) {
            case "ASC" -> true;
            case "DESC" -> false;
            default -> invalid("order", false, "must be ASC or DESC");
        }).orElse(false);
        Set<Status> statuses = list("status", Status::parse, Status.NAMES);
        Set<Priority> priorities = list("priority", Priority::parse, Priority.NAMES);
        Set<String> tags = list("tags", TicketListParameters::tagKey, List.of("tagCategoryId_tagText"));
        Optional<String> title = text("title");
        Optional<String> search = text("search");
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new TicketQuery(instanceId, orderBy, ascending, statuses, priorities, tags, title, search, limit,
                offset, token);
    }

    private Optional<String> value(String name) {
        return query.apply(name).filter(v -> !v.isBlank());
    }

    private int integer(String name, int fallback, int min, int max) {
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
        return invalid(name, fallback, "must be a whole number from " + min + " to " + max);
    }

    private <T> Set<T> list(String name, Function<String, Optional<T>> parser, List<String> valid) {
        Set<T> values = new LinkedHashSet<>();
        Optional<String> text = value(name);
        if (text.isEmpty()) {
            return values;
        }
        for (String part : text.get().split(",")) {
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
        return value(name).map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty());
    }

    /** {@code tagCategoryId_tagText}, keyed exactly as tickets store their tag keys. */
    private static Optional<String> tagKey(String text) {
        String tag = text.strip();
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
