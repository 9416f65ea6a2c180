package dev.ticketing.store;

import dev.ticketing.model.Activity;
import java.util.List;

/** One page of a ticket's history, oldest first; {@code continuationToken} is null on the last page. */
public record ActivityPage(List<Activity> items, String continuationToken) {

    public ActivityPage {
        items = List.copyOf(items);
    }
}
