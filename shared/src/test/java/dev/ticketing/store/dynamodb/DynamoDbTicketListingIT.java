package dev.ticketing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.store.InvalidPageRequestException;
import dev.ticketing.local.dynamodb.DynamoDbCallCounter;
import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.model.Ticket;
import dev.ticketing.store.TicketOrder;
import dev.ticketing.store.Page;
import dev.ticketing.store.TicketQuery;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynamoDbEngine.class)
class DynamoDbTicketListingIT {

    private static final String INSTANCE = "list-it-instance";
    private static final String OTHER_INSTANCE = "list-it-other";
    private static final int COUNT = 60;
    private static List<Ticket> tickets;
    private static DynamoDbTicketListing listing;
    private static DynamoDbCallCounter counter;
    private static TestTable table;

    @BeforeAll
    static void loadTickets(TestTable testTable) {
        table = testTable;
        tickets = SampleTickets.generate(INSTANCE, 1, COUNT, 42);
        TicketLoader.put(table.client(), table.tableName(), tickets);
        TicketLoader.put(table.client(), table.tableName(), SampleTickets.generate(OTHER_INSTANCE, 1, 20, 7));
        counter = new DynamoDbCallCounter();
        DynamoDbClient counted = table.newClient(counter);
        listing = new DynamoDbTicketListing(counted, table.tableName(), new ContinuationTokens("test-secret"));
    }

    static Stream<Arguments> everyOrder() {
        return Stream.of(TicketOrder.values()).flatMap(o -> Stream.of(Arguments.of(o, true), Arguments.of(o, false)));
    }

    @ParameterizedTest(name = "{0} ascending={1}")
    @MethodSource("everyOrder")
    void tokenWalk_returnsEveryTicketOnceInIndependentlyComputedOrder(TicketOrder order, boolean ascending) {
        List<Ticket> walked = walk(query(order, ascending, Set.of(), Set.of(), Set.of(), null, null, 7));

        assertThat(ids(walked)).containsExactlyElementsOf(ids(expected(order, ascending, t -> true)));
    }

    @ParameterizedTest(name = "{0} ascending={1}")
    @MethodSource("everyOrder")
    void tokenWalk_withStatusAndPriorityFilters_returnsExactlyTheMatchesInOrder(TicketOrder order, boolean ascending) {
        Set<Status> statuses = Set.of(Status.Open, Status.Closed);
        Set<Priority> priorities = Set.of(Priority.Low, Priority.Medium, Priority.Urgent);

        List<Ticket> walked = walk(query(order, ascending, statuses, priorities, Set.of(), null, null, 4));

        assertThat(ids(walked)).containsExactlyElementsOf(ids(expected(order, ascending,
                t -> statuses.contains(t.status()) && priorities.contains(t.priority()))));
    }

    @Test
    void createdDateTimeOrder_withSeveralStatuses_mergesTheStatusStreams() {
        for (boolean ascending : new boolean[] {true, false}) {
            Set<Status> statuses = Set.of(Status.Open, Status.Started, Status.Resolved);
            List<Ticket> walked = walk(query(TicketOrder.createdDateTime, ascending, statuses, Set.of(), Set.of(),
                    null, null, 3));

            assertThat(ids(walked)).containsExactlyElementsOf(ids(expected(TicketOrder.createdDateTime, ascending,
                    t -> statuses.contains(t.status()))));
        }
    }

    @Test
    void createdDateTimeOrder_withPriorities_readsThePriorityStreams() {
        Set<Priority> priorities = Set.of(Priority.Urgent, Priority.Important);
        List<Ticket> walked = walk(query(TicketOrder.createdDateTime, false, Set.of(), priorities, Set.of(), null,
                null, 5));

        assertThat(ids(walked)).containsExactlyElementsOf(ids(expected(TicketOrder.createdDateTime, false,
                t -> priorities.contains(t.priority()))));
    }

    @Test
    void tagsTitleAndSearch_matchCaseInsensitively_andTagsMustAllBePresent() {
        String hardware = SampleTickets.TAG_CATEGORY + "_hardware";
        String software = SampleTickets.TAG_CATEGORY + "_software";
        Predicate<Ticket> bothTags = t -> t.tags().stream().anyMatch(g -> g.filterKey().equals(hardware))
                && t.tags().stream().anyMatch(g -> g.filterKey().equals(software));
        Predicate<Ticket> titleHasPrinter = t -> t.title().toLowerCase(Locale.ROOT).contains("printer");
        Predicate<Ticket> mentionsMegan = t -> Stream.of(t.requestor(), t.assignee()).filter(u -> u != null)
                .anyMatch(u -> u.name().toLowerCase(Locale.ROOT).contains("megan"));

        assertThat(ids(walk(query(TicketOrder.ticketId, true, Set.of(), Set.of(), Set.of(hardware, software), null,
                null, 3)))).isNotEmpty().containsExactlyElementsOf(ids(expected(TicketOrder.ticketId, true, bothTags)));
        assertThat(ids(walk(query(TicketOrder.title, false, Set.of(), Set.of(), Set.of(), "printer", null, 3))))
                .isNotEmpty().containsExactlyElementsOf(ids(expected(TicketOrder.title, false, titleHasPrinter)));
        assertThat(ids(walk(query(TicketOrder.createdDateTime, false, Set.of(), Set.of(), Set.of(), null, "megan",
                3)))).isNotEmpty().containsExactlyElementsOf(ids(expected(TicketOrder.createdDateTime, false,
                mentionsMegan)));
    }

    @Test
    void offsetPaging_agreesWithTokenPaging() {
        TicketQuery first = query(TicketOrder.assigneeName, true, Set.of(Status.Open, Status.Started), Set.of(),
                Set.of(), null, null, 4);
        List<Ticket> byToken = walk(first);
        List<Ticket> byOffset = new ArrayList<>();
        for (int offset = 0; ; offset += 4) {
            Page<Ticket> page = listing.list(withPage(first, offset, Optional.empty()));
            byOffset.addAll(page.items());
            if (page.continuationToken().isEmpty()) {
                break;
            }
        }

        assertThat(ids(byOffset)).isNotEmpty().containsExactlyElementsOf(ids(byToken));
    }

    @Test
    void lastPage_hasNoToken_andEmptyResultHasNoToken() {
        Page<Ticket> all = listing.list(query(TicketOrder.ticketId, true, Set.of(), Set.of(), Set.of(), null, null,
                COUNT));
        Page<Ticket> none = listing.list(query(TicketOrder.ticketId, true, Set.of(), Set.of(), Set.of(),
                "no such title", null, 5));

        assertThat(all.items()).hasSize(COUNT);
        assertThat(all.continuationToken()).isEmpty();
        assertThat(none.items()).isEmpty();
        assertThat(none.continuationToken()).isEmpty();
    }

    @Test
    void token_isRejected_whenFiltersOrOrderChange_orInstanceDiffers_orItIsAltered() {
        TicketQuery q = query(TicketOrder.title, true, Set.of(Status.Open), Set.of(), Set.of(), null, null, 3);
        String token = listing.list(q).continuationToken().orElseThrow();
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        List<TicketQuery> misuses = List.of(
                withPage(query(TicketOrder.title, false, Set.of(Status.Open), Set.of(), Set.of(), null, null, 3), 0,
                        Optional.of(token)),
                withPage(query(TicketOrder.status, true, Set.of(Status.Open), Set.of(), Set.of(), null, null, 3), 0,
                        Optional.of(token)),
                withPage(query(TicketOrder.title, true, Set.of(Status.Closed), Set.of(), Set.of(), null, null, 3), 0,
                        Optional.of(token)),
                withPage(query(TicketOrder.title, true, Set.of(Status.Open), Set.of(), Set.of(), null, "x", 3), 0,
                        Optional.of(token)),
                new TicketQuery(OTHER_INSTANCE, q.orderBy(), q.ascending(), q.statuses(), q.priorities(), q.tags(),
                        q.title(), q.search(), q.limit(), 0, Optional.of(token)),
                withPage(q, 0, Optional.of(altered)));

        for (TicketQuery misuse : misuses) {
            assertThatThrownBy(() -> listing.list(misuse))
                    .isInstanceOfSatisfying(InvalidPageRequestException.class,
                            e -> assertThat(e.parameter()).isEqualTo("continuationToken"));
        }
        assertThat(listing.list(withPage(q, 0, Optional.of(token))).items()).isNotEmpty();
    }

    @Test
    void instancesNeverSeeEachOthersTickets() {
        List<Ticket> other = walk(new TicketQuery(OTHER_INSTANCE, TicketOrder.createdDateTime, false, Set.of(),
                Set.of(), Set.of(), Optional.empty(), Optional.empty(), 50, 0, Optional.empty()));

        assertThat(other).hasSize(20).allMatch(t -> t.instanceId().equals(OTHER_INSTANCE));
    }

    /** Besides its index Query, a page that is not the last reads the instance's ticket counts: no item here. */
    @Test
    void unfilteredPage_readsLimitPlusOneItems_inOneIndexQuery_onPageOneAndLater() {
        TicketQuery q = query(TicketOrder.requestorEmail, false, Set.of(), Set.of(), Set.of(), null, null, 10);
        counter.reset();
        Page<Ticket> first = listing.list(q);
        DynamoDbCallCounter.Snapshot firstCost = counter.snapshot();
        counter.reset();
        listing.list(withPage(q, 0, first.continuationToken()));
        DynamoDbCallCounter.Snapshot secondCost = counter.snapshot();

        assertThat(firstCost.totalCalls()).isEqualTo(2);
        assertThat(firstCost.scannedCount()).isEqualTo(11);
        assertThat(secondCost.totalCalls()).isEqualTo(2);
        assertThat(secondCost.scannedCount()).isEqualTo(11);
    }

    @Test
    void singleStatusPage_inDefaultOrder_readsOnlyThatStatusPartition() {
        counter.reset();
        Page<Ticket> page = listing.list(query(TicketOrder.createdDateTime, false, Set.of(Status.Open), Set.of(),
                Set.of(), null, null, 5));

        assertThat(page.items()).hasSize(5).allMatch(t -> t.status() == Status.Open);
        assertThat(counter.snapshot().totalCalls()).as("the partition's Query and the counts' Query").isEqualTo(2);
        assertThat(counter.snapshot().scannedCount()).isEqualTo(6);
    }

    @Test
    void ticketsCreatedDuringAWalk_causeNoDuplicateOrSkip() {
        String instance = "list-it-concurrent";
        List<Ticket> initial = SampleTickets.generate(instance, 1, 30, 99);
        TicketLoader.put(table.client(), table.tableName(), initial);
        TicketQuery q = new TicketQuery(instance, TicketOrder.createdDateTime, false, Set.of(), Set.of(), Set.of(),
                Optional.empty(), Optional.empty(), 4, 0, Optional.empty());
        List<Ticket> walked = new ArrayList<>();
        Optional<String> token = Optional.empty();
        long nextNumber = 31;
        do {
            Page<Ticket> page = listing.list(withPage(q, 0, token));
            walked.addAll(page.items());
            token = page.continuationToken();
            // Newer tickets land before the cursor in this order, and one back-dated ticket lands after it.
            List<Ticket> added = new ArrayList<>(SampleTickets.generate(instance, nextNumber, 2, nextNumber));
            nextNumber += 2;
            Ticket backdated = SampleTickets.generate(instance, nextNumber++, 1, 5).get(0);
            added.add(withCreated(backdated, Instant.parse("2025-01-01T00:00:00Z")));
            TicketLoader.put(table.client(), table.tableName(), added);
        } while (token.isPresent());

        assertThat(ids(walked)).doesNotHaveDuplicates();
        assertThat(ids(walked)).containsAll(ids(initial));
        assertThat(ids(walked.subList(0, 30))).containsExactlyElementsOf(ids(SampleTickets.inApiOrder(initial,
                TicketOrder.createdDateTime, false)).subList(0, 30));
    }

    private static Ticket withCreated(Ticket t, Instant created) {
        return new Ticket(t.instanceId(), t.id(), t.ticketId(), t.title(), t.description(), null, t.status(),
                t.priority(),
                t.requestor(), t.assignee(), t.expectedDate(), t.customFields(), t.tags(), t.resolution(),
                t.lastResolutionComment(), t.firstResponseOn(), t.firstResolutionOn(), t.lastResolutionOn(), created,
                t.createdBy(), t.lastUpdatedOn(), t.lastUpdatedBy(), null, false, false, null, null, null, t.version());
    }

    private static TicketQuery query(TicketOrder order, boolean ascending, Set<Status> statuses,
                                     Set<Priority> priorities, Set<String> tags, String title, String search,
                                     int limit) {
        return new TicketQuery(INSTANCE, order, ascending, statuses, priorities, tags, Optional.ofNullable(title),
                Optional.ofNullable(search), limit, 0, Optional.empty());
    }

    private static TicketQuery withPage(TicketQuery q, int offset, Optional<String> token) {
        return new TicketQuery(q.instanceId(), q.orderBy(), q.ascending(), q.statuses(), q.priorities(), q.tags(),
                q.title(), q.search(), q.limit(), offset, token);
    }

    private static List<Ticket> expected(TicketOrder order, boolean ascending, Predicate<Ticket> matches) {
        return SampleTickets.inApiOrder(tickets.stream().filter(matches).toList(), order, ascending);
    }

    private static List<Ticket> walk(TicketQuery first) {
        return ListingWalk.walk(listing, first, COUNT + 5);
    }

    private static List<Long> ids(List<Ticket> list) {
        return ListingWalk.ids(list);
    }
}
