package dev.ticketing.store;

import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One GET /tickets request after validation: order, filters (texts already lower-cased) and the page wanted.
 *
 * @param tags tag filter keys ({@code tagCategoryId_text}, text lower-cased); a ticket must carry every one
 */
public record TicketQuery(String instanceId, TicketOrder orderBy, boolean ascending, Set<Status> statuses,
                          Set<Priority> priorities, Set<String> tags, Optional<String> title,
                          Optional<String> search, int limit, int offset, Optional<String> continuationToken) {

    public TicketQuery {
        statuses = Set.copyOf(statuses);
        priorities = Set.copyOf(priorities);
        tags = Set.copyOf(tags);
    }

    /**
     * Everything that decides which tickets match and in which order, canonically written: a continuation token
     * is valid only for the same fingerprint. Page size and offset are not part of it, so they may change.
     */
    public String fingerprint() {
        return String.join("\n", List.of(
                "v1",
                orderBy.name(),
                ascending ? "ASC" : "DESC",
                sorted(statuses.stream().map(Enum::name).toList()).toString(),
                sorted(priorities.stream().map(Enum::name).toList()).toString(),
                sorted(tags).toString(),
                title.map(t -> "t:" + t).orElse("-"),
                search.map(s -> "s:" + s).orElse("-")));
    }

    private static SortedSet<String> sorted(java.util.Collection<String> values) {
        return new TreeSet<>(values);
    }
}
