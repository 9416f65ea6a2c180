package dev.ticketing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.model.Ticket;
import dev.ticketing.store.Page;
import dev.ticketing.store.TicketListing;
import dev.ticketing.store.TicketQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Follows a listing's continuation tokens from the first page to the last, as a client does, for the list tests. */
final class ListingWalk {

    private ListingWalk() {
    }

    /** Every ticket of every page, in order; each page holds at most the limit, and there are under maxPages. */
    static List<Ticket> walk(TicketListing listing, TicketQuery first, int maxPages) {
        List<Ticket> all = new ArrayList<>();
        Optional<String> token = Optional.empty();
        int pages = 0;
        do {
            Page<Ticket> page = listing.list(first.page(0, token));
            assertThat(page.items().size()).isLessThanOrEqualTo(first.limit());
            all.addAll(page.items());
            token = page.continuationToken();
            assertThat(++pages).as("pages").isLessThan(maxPages);
        } while (token.isPresent());
        return all;
    }

    static List<Long> ids(List<Ticket> tickets) {
        return tickets.stream().map(Ticket::ticketId).toList();
    }
}
