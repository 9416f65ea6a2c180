package dev.ticketing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.store.InvalidPageRequestException;
import dev.ticketing.local.dynamodb.DynamoDbCallCounter;
import dev.ticketing.model.Status;
import dev.ticketing.model.Ticket;
import dev.ticketing.store.TicketOrder;
import dev.ticketing.store.Page;
import dev.ticketing.store.TicketQuery;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The read budget and the page byte bound of GET /tickets, on more tickets than one request may read. */
@ExtendWith(DynamoDbEngine.class)
class DynamoDbTicketListingBudgetIT {

    private static final String MANY = "budget-many";
    private static final String FEW = "budget-few";
    private static final int FEW_COUNT = 150;
    private static final int SMALL_BUDGET = 20;
    private static final String LARGE = "budget-large";
    private static final int COUNT = DynamoDbTicketListing.READ_BUDGET + 100;
    private static final ContinuationTokens TOKENS = new ContinuationTokens("test-secret");
    private static DynamoDbCallCounter counter;
    private static DynamoDbClient counted;
    private static TestTable table;

    @BeforeAll
    static void loadTickets(TestTable testTable) {
        table = testTable;
        TicketLoader.put(table.client(), table.tableName(), SampleTickets.generate(MANY, 1, COUNT, 11));
        TicketLoader.put(table.client(), table.tableName(), SampleTickets.generate(FEW, 1, FEW_COUNT, 13));
        // Descriptions of 100,000 characters, stored twice (description and search text): about 200 KB a ticket.
        List<Ticket> large = SampleTickets.generate(LARGE, 1, 12, 5).stream().map(t -> new Ticket(t.instanceId(),
                t.id(), t.ticketId(), t.title(), "x".repeat(100_000), null, t.status(), t.priority(), t.requestor(),
                t.assignee(), t.expectedDate(), t.customFields(), t.tags(), t.resolution(), t.lastResolutionComment(),
                t.firstResponseOn(), t.firstResolutionOn(), t.lastResolutionOn(), t.createdOn(), t.createdBy(),
                        t.lastUpdatedOn(), t.lastUpdatedBy(), t.lastInteraction(),
                t.isFrtEscalated(), t.isRtEscalated(), null, null, null, t.version())).toList();
        TicketLoader.put(table.client(), table.tableName(), large);
        counter = new DynamoDbCallCounter();
        counted = table.newClient(counter);
    }

    @Test
    void searchThatMatchesNothing_readsAtMostTheBudgetPerRequest_andItsTokensReachTheEnd() {
        DynamoDbTicketListing listing = new DynamoDbTicketListing(counted, table.tableName(), TOKENS);
        TicketQuery query = query(MANY, Set.of(), "no ticket says this", 20, 0, Optional.empty());
        List<Long> scannedPerRequest = new ArrayList<>();
        List<Ticket> found = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            counter.reset();
            Page<Ticket> page = listing.list(withToken(query, token));
            scannedPerRequest.add(counter.snapshot().scannedCount());
            found.addAll(page.items());
            token = page.continuationToken();
        } while (token.isPresent() && scannedPerRequest.size() < 10);

        assertThat(found).isEmpty();
        assertThat(token).as("the walk ended").isEmpty();
        assertThat(scannedPerRequest).hasSizeGreaterThan(1)
                .allMatch(scanned -> scanned <= DynamoDbTicketListing.READ_BUDGET);
        assertThat(scannedPerRequest.stream().mapToLong(Long::longValue).sum()).isEqualTo(COUNT);
    }

    @Test
    void budgetCuts_resumeExactlyWhereReadingStopped_onOneStreamAndOnMergedStreams() {
        DynamoDbTicketListing unbounded = new DynamoDbTicketListing(counted, table.tableName(), TOKENS,
                Integer.MAX_VALUE);
        DynamoDbTicketListing small = new DynamoDbTicketListing(counted, table.tableName(), TOKENS, SMALL_BUDGET);
        for (Set<Status> statuses : List.of(Set.<Status>of(), Set.of(Status.Open, Status.Closed))) {
            TicketQuery query = query(FEW, statuses, "issue 1", 7, 0, Optional.empty());

            List<Long> expected = walk(unbounded, query);
            List<Long> walked = walk(small, query);

            assertThat(expected).isNotEmpty();
            assertThat(walked).as("statuses %s", statuses).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void offsetThatTheBudgetDoesNotReach_isRefusedNamingOffset() {
        DynamoDbTicketListing listing = new DynamoDbTicketListing(counted, table.tableName(), TOKENS, SMALL_BUDGET);

        assertThatThrownBy(() -> listing.list(query(FEW, Set.of(), "no ticket says this", 20, 5, Optional.empty())))
                .isInstanceOfSatisfying(InvalidPageRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("offset"));
    }

    @Test
    void largeTickets_endThePageAtItsByteBound_andTheWalkReturnsEachOnce() {
        DynamoDbTicketListing listing = new DynamoDbTicketListing(counted, table.tableName(), TOKENS);
        TicketQuery query = new TicketQuery(LARGE, TicketOrder.ticketId, true, Set.of(), Set.of(), Set.of(),
                Optional.empty(), Optional.empty(), 50, 0, Optional.empty());
        List<Integer> pageSizes = new ArrayList<>();
        List<Long> walked = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            Page<Ticket> page = listing.list(withToken(query, token));
            pageSizes.add(page.items().size());
            page.items().forEach(t -> walked.add(t.ticketId()));
            token = page.continuationToken();
        } while (token.isPresent() && pageSizes.size() < 20);

        assertThat(walked).containsExactlyElementsOf(IntStream.rangeClosed(1, 12).mapToObj(i -> (long) i).toList());
        // About 200 KB a ticket: at most three fit in the page's 512 KB.
        assertThat(pageSizes).allMatch(size -> size >= 1 && size <= 3);
    }

    private static List<Long> walk(DynamoDbTicketListing listing, TicketQuery query) {
        List<Long> ids = new ArrayList<>();
        Optional<String> token = Optional.empty();
        int pages = 0;
        do {
            Page<Ticket> page = listing.list(withToken(query, token));
            page.items().forEach(t -> ids.add(t.ticketId()));
            token = page.continuationToken();
        } while (token.isPresent() && ++pages < COUNT);
        return ids;
    }

    private static TicketQuery query(String instanceId, Set<Status> statuses, String search, int limit, int offset,
                                     Optional<String> token) {
        return new TicketQuery(instanceId, TicketOrder.createdDateTime, false, statuses, Set.of(), Set.of(),
                Optional.empty(), Optional.of(search), limit, offset, token);
    }

    private static TicketQuery withToken(TicketQuery q, Optional<String> token) {
        return new TicketQuery(q.instanceId(), q.orderBy(), q.ascending(), q.statuses(), q.priorities(), q.tags(),
                q.title(), q.search(), q.limit(), q.offset(), token);
    }
}
