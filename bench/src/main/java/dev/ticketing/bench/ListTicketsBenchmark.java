package dev.ticketing.bench;

import dev.ticketing.local.dynamodb.DynamoDbCallCounter;
import dev.ticketing.local.dynamodb.LocalDynamoDb;
import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.store.TicketOrder;
import dev.ticketing.model.Ticket;
import dev.ticketing.store.Page;
import dev.ticketing.store.TicketQuery;
import dev.ticketing.store.dynamodb.ContinuationTokens;
import dev.ticketing.store.dynamodb.DynamoDbTicketListing;
import dev.ticketing.store.dynamodb.SampleTickets;
import dev.ticketing.store.dynamodb.TicketLoader;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Loads N sample tickets into a table created from template.yaml and prints, per GET /tickets request, the DynamoDB
 * calls made and the items read (ScannedCount), counted by an SDK interceptor: the figures of docs/benchmarks.md.
 * Usage: {@code ListTicketsBenchmark [N] [limit]}.
 */
public final class ListTicketsBenchmark {

    private static final String INSTANCE = "bench-instance";
    private static final String TABLE = "bench-tickets";

    private final DynamoDbTicketListing listing;
    private final DynamoDbCallCounter counter;
    private final int limit;

    private ListTicketsBenchmark(DynamoDbClient client, DynamoDbCallCounter counter, int limit) {
        this.listing = new DynamoDbTicketListing(client, TABLE, new ContinuationTokens("bench-secret"));
        this.counter = counter;
        this.limit = limit;
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (LocalDynamoDb engine = LocalDynamoDb.start()) {
            engine.createTable(TABLE);
            long start = System.nanoTime();
            for (int first = 1; first <= n; first += 1000) {
                int count = Math.min(1000, n - first + 1);
                TicketLoader.put(engine.client(), TABLE, SampleTickets.generate(INSTANCE, first, count, first));
            }
            System.out.printf("engine %s, N = %d tickets loaded in %d s, limit = %d%n%n", engine.engine(), n,
                    (System.nanoTime() - start) / 1_000_000_000, limit);
            DynamoDbCallCounter counter = new DynamoDbCallCounter();
            try (DynamoDbClient client = engine.newClient(counter)) {
                new ListTicketsBenchmark(client, counter, limit).run();
            }
        }
    }

    private void run() {
        System.out.println("| request | calls | items read (ScannedCount) | items returned |");
        System.out.println("|---|---|---|---|");
        for (TicketOrder order : TicketOrder.values()) {
            for (boolean ascending : new boolean[] {true, false}) {
                measure("orderBy=" + order + "&order=" + (ascending ? "ASC" : "DESC"), query(order, ascending,
                        Set.of(), Set.of(), Set.of(), null, null, 0, Optional.empty()));
            }
        }
        TicketOrder created = TicketOrder.createdDateTime;
        measure("status=Open", query(created, false, Set.of(Status.Open), Set.of(), Set.of(), null, null, 0,
                Optional.empty()));
        measure("status=Open,Reopened", query(created, false, Set.of(Status.Open, Status.Reopened), Set.of(),
                Set.of(), null, null, 0, Optional.empty()));
        measure("status=Open&orderBy=title", query(TicketOrder.title, true, Set.of(Status.Open), Set.of(), Set.of(),
                null, null, 0, Optional.empty()));
        measure("priority=Urgent", query(created, false, Set.of(), Set.of(Priority.Urgent), Set.of(), null, null, 0,
                Optional.empty()));
        measure("priority=Urgent&orderBy=title", query(TicketOrder.title, true, Set.of(), Set.of(Priority.Urgent),
                Set.of(), null, null, 0, Optional.empty()));
        measure("tags=<category>_hardware", query(created, false, Set.of(), Set.of(),
                Set.of(SampleTickets.TAG_CATEGORY + "_hardware"), null, null, 0, Optional.empty()));
        measure("title=printer", query(created, false, Set.of(), Set.of(), Set.of(), "printer", null, 0,
                Optional.empty()));
        measure("search=megan", query(created, false, Set.of(), Set.of(), Set.of(), null, "megan", 0,
                Optional.empty()));
        measure("search=zzz-no-match", query(created, false, Set.of(), Set.of(), Set.of(), null, "zzz-no-match", 0,
                Optional.empty()));
        pageTwenty();
    }

    /** Page 1 and page 20 of the default order via continuationToken, and page 20 via offset for contrast. */
    private void pageTwenty() {
        TicketQuery first = query(TicketOrder.createdDateTime, false, Set.of(), Set.of(), Set.of(), null, null, 0,
                Optional.empty());
        measure("page 1 (default order)", first);
        Optional<String> token = Optional.empty();
        for (int page = 1; page < 20; page++) {
            token = listing.list(withToken(first, token)).continuationToken();
        }
        measure("page 20 via continuationToken", withToken(first, token));
        measure("page 20 via offset=" + 19 * limit, query(TicketOrder.createdDateTime, false, Set.of(), Set.of(),
                Set.of(), null, null, 19 * limit, Optional.empty()));
        Optional<String> statusToken = Optional.empty();
        TicketQuery open = query(TicketOrder.createdDateTime, false, Set.of(Status.Open), Set.of(), Set.of(), null,
                null, 0, Optional.empty());
        for (int page = 1; page < 20; page++) {
            statusToken = listing.list(withToken(open, statusToken)).continuationToken();
        }
        measure("status=Open page 20 via continuationToken", withToken(open, statusToken));
    }

    private void measure(String label, TicketQuery query) {
        counter.reset();
        Page<Ticket> page = listing.list(query);
        DynamoDbCallCounter.Snapshot cost = counter.snapshot();
        System.out.printf("| `%s` | %d | %d | %d |%n", label, cost.totalCalls(), cost.scannedCount(),
                page.items().size());
    }

    private TicketQuery query(TicketOrder order, boolean ascending, Set<Status> statuses, Set<Priority> priorities,
                              Set<String> tags, String title, String search, int offset, Optional<String> token) {
        return new TicketQuery(INSTANCE, order, ascending, statuses, priorities, tags, Optional.ofNullable(title),
                Optional.ofNullable(search), limit, offset, token);
    }

    private static TicketQuery withToken(TicketQuery q, Optional<String> token) {
        return new TicketQuery(q.instanceId(), q.orderBy(), q.ascending(), q.statuses(), q.priorities(), q.tags(),
                q.title(), q.search(), q.limit(), q.offset(), token);
    }
}
