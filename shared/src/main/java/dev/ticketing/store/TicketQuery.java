package dev.ticketing.store;

import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One GET /tickets request after validation: order, filters (texts already lower-cased) and the page wanted.
 *
 * @param statuses the statuses a ticket may have (every one when empty): {@code status}, {@code statusId} and
 *                 {@code isResolved} together
 * @param tags tag filter keys ({@code tagCategoryId_text}, text lower-cased); a ticket must carry every one
 * @param dates the date ranges a ticket's dates must fall in, at most one per field
 */
public record TicketQuery(String instanceId, TicketOrder orderBy, boolean ascending, Set<Status> statuses,
                          Set<Priority> priorities, Set<String> tags, Optional<String> title,
                          Optional<String> search, Map<TicketDateField, DateRange> dates, int limit, int offset,
                          Optional<String> continuationToken) {

    public TicketQuery {
        statuses = Set.copyOf(statuses);
        priorities = Set.copyOf(priorities);
        tags = Set.copyOf(tags);
        dates = dates.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(dates));
    }

    /** A query without date filters. */
    public TicketQuery(String instanceId, TicketOrder orderBy, boolean ascending, Set<Status> statuses,
                       Set<Priority> priorities, Set<String> tags, Optional<String> title, Optional<String> search,
                       int limit, int offset, Optional<String> continuationToken) {
        this(instanceId, orderBy, ascending, statuses, priorities, tags, title, search, Map.of(), limit, offset,
                continuationToken);
    }

    /** The same query, for another page. */
    public TicketQuery page(int offset, Optional<String> continuationToken) {
        return new TicketQuery(instanceId, orderBy, ascending, statuses, priorities, tags, title, search, dates, limit,
                offset, continuationToken);
    }

    public Optional<DateRange> date(TicketDateField field) {
        return Optional.ofNullable(dates.get(field));
    }

    /**
     * Everything that decides which tickets match and in which order, canonically written: a continuation token
     * is valid only for the same fingerprint. Page size and offset are not part of it, so they may change. Date
     * ranges are written as instants, so the same whole day sent with another {@code timezone} is another query.
     */
    public String fingerprint() {
        List<String> lines = new ArrayList<>(List.of(
                "v1",
                orderBy.name(),
                ascending ? "ASC" : "DESC",
                sorted(statuses.stream().map(Enum::name).toList()).toString(),
                sorted(priorities.stream().map(Enum::name).toList()).toString(),
                sorted(tags).toString(),
                title.map(t -> "t:" + t).orElse("-"),
                search.map(s -> "s:" + s).orElse("-")));
        // Absent unless used, so that the tokens of queries without dates stay what they were.
        for (TicketDateField field : TicketDateField.values()) {
            date(field).ifPresent(range -> lines.add("d:" + field.name() + range.text()));
        }
        return String.join("\n", lines);
    }

    private static SortedSet<String> sorted(java.util.Collection<String> values) {
        return new TreeSet<>(values);
    }
}
