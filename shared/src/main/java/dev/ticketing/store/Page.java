package dev.ticketing.store;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a list (tickets, a ticket's activities), with a token for the next page while more items exist.
 *
 * @param itemCount how many items match the query in all pages, when that is known without reading them all
 */
public record Page<T>(List<T> items, Optional<String> continuationToken, OptionalLong itemCount) {

    public Page {
        items = List.copyOf(items);
    }

    public Page(List<T> items, Optional<String> continuationToken) {
        this(items, continuationToken, OptionalLong.empty());
    }
}
