package dev.ticketing.store;

import dev.ticketing.model.Ticket;
import java.util.List;
import java.util.Optional;

/** One page of tickets, with a token for the next page when more matching tickets exist. */
public record TicketPage(List<Ticket> items, Optional<String> continuationToken) {

    public TicketPage {
        items = List.copyOf(items);
    }
}
