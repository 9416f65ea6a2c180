package dev.ticketing.store;

import dev.ticketing.model.Ticket;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of tickets, with a token for the next page when more matching tickets exist.
 *
 * @param itemCount how many tickets match the query in all pages, when that is known without reading them all
 */
public record TicketPage(List<Ticket> items, Optional<String> continuationToken, OptionalLong itemCount) {

    public TicketPage {
        items = List.copyOf(items);
    }

    public TicketPage(List<Ticket> items, Optional<String> continuationToken) {
        this(items, continuationToken, OptionalLong.empty());
    }
}
