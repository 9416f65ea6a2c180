package dev.ticketing.service;

import dev.ticketing.error.FieldError;
import dev.ticketing.error.ValidationException;
import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.model.StatusWorkflow;
import dev.ticketing.model.TicketTag;
import dev.ticketing.store.DateRange;
import dev.ticketing.store.TicketDateField;
import dev.ticketing.store.TicketOrder;
import dev.ticketing.store.TicketQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
    public static final String UPDATED_SINCE = "updatedSince";
    /** {@code tagCategoryId_tagText}: a category id (at most 64) and a tag text (at most 50). */
    public static final int MAX_TAG_VALUE_LENGTH = 64 + 1 + 50;

    /** {@code 2026-03-01T09:30:00.123456789+05:30} has 35 characters. */
    public static final int MAX_DATE_LENGTH = 40;
    private static final int DAY_LENGTH = "2026-03-01".length();
    private static final Pattern DATE_START = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final List<String> STATUS_VALUES = Stream.concat(Status.NAMES.stream(),
                    Stream.of(Status.Started.label()))
            .toList();

    private final Function<String, Optional<String>> query;
    private final List<FieldError> errors = new ArrayList<>();

    private TicketListParameters(Function<String, Optional<String>> query) {
        this.query = query;
    }

    /** As {@link #parse(String, Function, Optional, ZoneOffset)} for a caller at GMT. */
    public static TicketQuery parse(String instanceId, Function<String, Optional<String>> query,
                                    Optional<String> tokenHeader) {
        return parse(instanceId, query, tokenHeader, ZoneOffset.UTC);
    }

    /**
     * {@code tokenHeader}: the reference sends the continuation token as a header; the query parameter works too.
     * {@code offset}: the caller's {@code timezone}; a whole day ({@code createdAfter=2026-03-01}) or a date-time
     * without an offset in a date filter is a time there.
     */
    public static TicketQuery parse(String instanceId, Function<String, Optional<String>> query,
                                    Optional<String> tokenHeader, ZoneOffset offset) {
        return new TicketListParameters(query).parse(instanceId, tokenHeader, offset);
    }

    private TicketQuery parse(String instanceId, Optional<String> tokenHeader, ZoneOffset timezone) {
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
        Set<Status> statuses = statuses();
        Set<Priority> priorities = list("priority", Priority::parse, Priority.NAMES, Priority.NAMES.size());
        Set<String> tags = list("tags", TicketListParameters::tagKey, List.of("tagCategoryId_tagText"), MAX_TAG_VALUES);
        Optional<String> title = text("title");
        Optional<String> search = text("search");
        Map<TicketDateField, DateRange> dates = new EnumMap<>(TicketDateField.class);
        for (TicketDateField field : TicketDateField.values()) {
            range(field, timezone).ifPresent(range -> dates.put(field, range));
        }
        Optional<String> assignee = text("assignee");
        Optional<Boolean> frtEscalated = bool("isFrtEscalated");
        Optional<Boolean> rtEscalated = bool("isRtEscalated");
        Optional<TicketQuery.UpdatedSince> export = updatedSince(timezone);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new TicketQuery(instanceId, orderBy, ascending, statuses, priorities, tags, title, search, dates,
                page.limit(), offset, page.continuationToken(), assignee, frtEscalated, rtEscalated, export);
    }

    /**
     * The incremental export: {@code updatedSince} lists the tickets changed after that time, in the order of their
     * last change, oldest first; it fixes the order, so {@code orderBy} and {@code order} cannot come with it. The
     * horizon is set by the service, from its clock.
     */
    private Optional<TicketQuery.UpdatedSince> updatedSince(ZoneOffset timezone) {
        Optional<Instant> since = instant(UPDATED_SINCE, timezone);
        if (since.isEmpty()) {
            return Optional.empty();
        }
        for (String ordering : List.of("orderBy", "order")) {
            value(ordering).ifPresent(v -> invalid(ordering, null, "cannot be combined with " + UPDATED_SINCE
                    + ", which lists tickets in the order of their last change (lastUpdatedOn), oldest first"));
        }
        return Optional.of(new TicketQuery.UpdatedSince(since.get(), Instant.MAX));
    }

    /**
     * The statuses that {@code status}, {@code statusId} (the live API's name for the same filter) and
     * {@code isResolved} allow together; empty when none of them is sent. Filters that no status satisfies at once
     * are a 400 naming the last of them.
     */
    private Set<Status> statuses() {
        Set<Status> status = list("status", Status::parse, STATUS_VALUES, Status.NAMES.size());
        Set<Status> statusId = list("statusId", Status::parse, STATUS_VALUES, Status.NAMES.size());
        Optional<Boolean> resolved = bool("isResolved");
        Set<Status> allowed = status.isEmpty() ? null : EnumSet.copyOf(status);
        if (!statusId.isEmpty()) {
            allowed = narrow(allowed, statusId, "statusId", "matches none of the statuses of status");
        }
        if (resolved.isPresent()) {
            Set<Status> matching = EnumSet.noneOf(Status.class);
            for (Status s : Status.values()) {
                if (StatusWorkflow.resolves(s) == resolved.get()) {
                    matching.add(s);
                }
            }
            allowed = narrow(allowed, matching, "isResolved", "=" + resolved.get() + " means " + matching
                    + ", none of the statuses asked for");
        }
        return allowed == null ? Set.of() : allowed;
    }

    private Set<Status> narrow(Set<Status> allowed, Set<Status> with, String name, String contradiction) {
        if (allowed == null) {
            return EnumSet.copyOf(with);
        }
        Set<Status> both = EnumSet.copyOf(allowed);
        both.retainAll(with);
        return both.isEmpty() ? invalid(name, allowed, contradiction) : both;
    }

    private Optional<Boolean> bool(String name) {
        return value(name).map(v -> switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> invalid(name, null, "must be true or false");
        });
    }

    /** The {@code <field>After} (included) and {@code <field>Before} (excluded) pair, when either is sent. */
    private Optional<DateRange> range(TicketDateField field, ZoneOffset offset) {
        Optional<Instant> from = instant(field.afterParameter(), offset);
        Optional<Instant> before = instant(field.beforeParameter(), offset);
        if (from.isPresent() && before.isPresent() && !from.get().isBefore(before.get())) {
            return invalid(field.beforeParameter(), Optional.empty(), "must be later than "
                    + field.afterParameter() + " (" + field.afterParameter() + " is included, "
                    + field.beforeParameter() + " excluded: one day D is " + field.afterParameter() + "=D&"
                    + field.beforeParameter() + "=D+1)");
        }
        return from.isPresent() || before.isPresent() ? Optional.of(new DateRange(from, before)) : Optional.empty();
    }

    private Optional<Instant> instant(String name, ZoneOffset offset) {
        Optional<String> text = value(name).map(String::strip);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> instant = text.get().length() > MAX_DATE_LENGTH
                ? Optional.empty() : dateBoundary(text.get(), offset);
        if (instant.isEmpty()) {
            return invalid(name, Optional.empty(), "must be a day, YYYY-MM-DD (from 00:00 in the timezone "
                    + "offset), or an ISO-8601 date-time such as 2026-03-01T09:30:00Z (in the timezone offset when "
                    + "it has none)");
        }
        return instant;
    }

    /**
     * A day ({@code 2026-03-01}: its first instant in {@code offset}) or a date-time, with an offset
     * ({@code 2026-03-01T09:30:00Z}, {@code ...+02:00}) or without one (then in {@code offset}); seconds and their
     * fraction are optional. Empty for anything else, including dates that do not exist (2026-02-30).
     */
    static Optional<Instant> dateBoundary(String text, ZoneOffset offset) {
        if (!DATE_START.matcher(text).lookingAt()) {
            return Optional.empty();
        }
        try {
            if (text.length() == DAY_LENGTH) {
                return Optional.of(LocalDate.parse(text).atStartOfDay(offset).toInstant());
            }
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException withoutOffset) {
                return Optional.of(LocalDateTime.parse(text).atOffset(offset).toInstant());
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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
