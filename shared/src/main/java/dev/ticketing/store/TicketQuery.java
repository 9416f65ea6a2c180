package dev.ticketing.store;

import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
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
 * @param assignee the assignee's email, lower-cased: only tickets assigned to that person
 * @param frtEscalated only tickets whose first-response escalation flag has this value
 * @param rtEscalated only tickets whose resolution escalation flag has this value
 * @param export the incremental export: tickets changed after a time, in the order of their last change
 */
public record TicketQuery(String instanceId, TicketOrder orderBy, boolean ascending, Set<Status> statuses,
                          Set<Priority> priorities, Set<String> tags, Optional<String> title,
                          Optional<String> search, Map<TicketDateField, DateRange> dates, int limit, int offset,
                          Optional<String> continuationToken, Optional<String> assignee,
                          Optional<Boolean> frtEscalated, Optional<Boolean> rtEscalated,
                          Optional<UpdatedSince> export) {

    /**
     * Tickets whose {@code lastUpdatedOn} is after {@code after} and before {@code horizon}: the export stops short
     * of the last moments, where a change whose write is still on its way could yet land behind the reader.
     */
    public record UpdatedSince(Instant after, Instant horizon) {
    }

    public TicketQuery {
        statuses = Set.copyOf(statuses);
        priorities = Set.copyOf(priorities);
        tags = Set.copyOf(tags);
        dates = dates.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(dates));
    }

    /** A query without the assignee, escalation and export filters. */
    public TicketQuery(String instanceId, TicketOrder orderBy, boolean ascending, Set<Status> statuses,
                       Set<Priority> priorities, Set<String> tags, Optional<String> title, Optional<String> search,
                       Map<TicketDateField, DateRange> dates, int limit, int offset,
                       Optional<String> continuationToken) {
        this(instanceId, orderBy, ascending, statuses, priorities, tags, title, search, dates, limit, offset,
                continuationToken, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
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
                offset, continuationToken, assignee, frtEscalated, rtEscalated, export);
    }

    /** The same query, keeping only tickets whose escalation flags have these values (null: either). */
    public TicketQuery withFlags(Boolean frt, Boolean rt) {
        return new TicketQuery(instanceId, orderBy, ascending, statuses, priorities, tags, title, search, dates, limit,
                offset, continuationToken, assignee, Optional.ofNullable(frt), Optional.ofNullable(rt), export);
    }

    /** The same query, keeping only the tickets assigned to {@code email} (compared case-insensitively). */
    public TicketQuery withAssignee(String email) {
        return new TicketQuery(instanceId, orderBy, ascending, statuses, priorities, tags, title, search, dates, limit,
                offset, continuationToken, Optional.of(email.toLowerCase(Locale.ROOT)), frtEscalated,
                rtEscalated, export);
    }

    /** The same query, for the incremental export up to another horizon. */
    public TicketQuery withExport(Optional<UpdatedSince> updatedSince) {
        return new TicketQuery(instanceId, orderBy, ascending, statuses, priorities, tags, title, search, dates, limit,
                offset, continuationToken, assignee, frtEscalated, rtEscalated, updatedSince);
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
        assignee.ifPresent(email -> lines.add("a:" + email));
        frtEscalated.ifPresent(flag -> lines.add("frt:" + flag));
        rtEscalated.ifPresent(flag -> lines.add("rt:" + flag));
        // Not the horizon: it moves on between pages, and the order is the same.
        export.ifPresent(since -> lines.add("u:" + since.after()));
        return String.join("\n", lines);
    }

    private static SortedSet<String> sorted(java.util.Collection<String> values) {
        return new TreeSet<>(values);
    }
}
