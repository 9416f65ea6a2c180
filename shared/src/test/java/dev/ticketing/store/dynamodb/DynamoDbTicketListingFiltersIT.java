package dev.ticketing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.model.Ticket;
import dev.ticketing.store.DateRange;
import dev.ticketing.store.TicketDateField;
import dev.ticketing.store.TicketOrder;
import dev.ticketing.store.Page;
import dev.ticketing.store.TicketQuery;
import dev.ticketing.local.dynamodb.DynamoDbCallCounter;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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

/**
 * The date filters of GET /tickets against the engine: each on every order, alone and together with status,
 * priority and each other, compared with a selection computed from the tickets themselves; which index range
 * serves them, and the read budget where none does.
 */
@ExtendWith(DynamoDbEngine.class)
class DynamoDbTicketListingFiltersIT {

    private static final String INSTANCE = "filters-it";
    private static final String OTHER_INSTANCE = "filters-it-other";
    private static final int COUNT = 80;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** Ticket 1 is created exactly at this day's start and ticket 2 one millisecond before it. */
    private static final Instant DAY = Instant.parse("2026-01-10T00:00:00Z");
    private static final ContinuationTokens TOKENS = new ContinuationTokens("test-secret");
    private static List<Ticket> tickets;
    private static DynamoDbCallCounter counter;
    private static DynamoDbClient counted;
    private static DynamoDbTicketListing listing;
    private static TestTable table;

    @BeforeAll
    static void loadTickets(TestTable testTable) {
        table = testTable;
        tickets = generate(INSTANCE, COUNT, 3);
        TicketLoader.put(table.client(), table.tableName(), tickets);
        // Another instance with the same numbers and dates: never seen.
        TicketLoader.put(table.client(), table.tableName(), generate(OTHER_INSTANCE, 30, 3));
        counter = new DynamoDbCallCounter();
        counted = table.newClient(counter);
        listing = new DynamoDbTicketListing(counted, table.tableName(), TOKENS);
    }

    /**
     * Created every 8 hours from 2026-01-01 (about 27 days), last updated up to 10 days later, last interaction at
     * or after that, expected date on about half; as the service writes them, createdOn <= lastUpdatedOn
     * <= lastInteraction. Tickets 1 and 2 sit on either side of {@link #DAY}'s start, in every date.
     */
    private static List<Ticket> generate(String instanceId, int count, long seed) {
        Random random = new Random(seed);
        List<Ticket> out = new ArrayList<>();
        for (Ticket t : SampleTickets.generate(instanceId, 1, count, seed)) {
            Instant created = START.plus(Duration.ofHours(8 * t.ticketId()));
            Instant updated = created.plus(Duration.ofMinutes(random.nextInt(10 * 24 * 60)));
            Instant interaction = random.nextBoolean() ? updated
                    : updated.plus(Duration.ofMinutes(random.nextInt(5000)));
            Instant expected = random.nextBoolean() ? null : created.plus(Duration.ofHours(random.nextInt(400) - 100));
            if (t.ticketId() <= 2) {
                Instant at = t.ticketId() == 1 ? DAY : DAY.minusMillis(1);
                created = at;
                updated = at;
                interaction = at;
                expected = at;
            }
            out.add(t.toBuilder().expectedDate(expected).createdOn(created).lastUpdatedOn(updated)
                    .lastInteraction(interaction).resolution(null).lastResolutionComment(null).firstResponseOn(null)
                    .firstResolutionOn(null).lastResolutionOn(null).isFrtEscalated(false).isRtEscalated(false)
                    .version(1).build());
        }
        return out;
    }

    static Stream<Arguments> everyOrder() {
        return Stream.of(TicketOrder.values()).flatMap(o -> Stream.of(Arguments.of(o, true), Arguments.of(o, false)));
    }

    @ParameterizedTest(name = "{0} ascending={1}")
    @MethodSource("everyOrder")
    void everyDateFilterTogether_onEveryOrder_walksExactlyTheMatchesInOrder(TicketOrder order, boolean ascending) {
        Map<TicketDateField, DateRange> dates = Map.of(
                TicketDateField.created, range("2026-01-03T00:00:00Z", "2026-01-20T00:00:00Z"),
                TicketDateField.lastUpdate, range("2026-01-06T00:00:00Z", null),
                TicketDateField.expectedDate, range(null, "2026-01-25T12:00:00Z"));

        List<Ticket> walked = walk(query(order, ascending, Set.of(), Set.of(), dates, 12));

        assertThat(walked).isNotEmpty();
        assertThat(ids(walked)).containsExactlyElementsOf(ids(expected(order, ascending, matching(dates))));
    }

    static Stream<Arguments> eachFieldOnEachDateOrder() {
        return Stream.of(TicketDateField.values()).flatMap(field -> Stream.of(TicketOrder.createdDateTime,
                TicketOrder.expectedDate, TicketOrder.lastInteraction).flatMap(order -> Stream.of(
                Arguments.of(field, order, true), Arguments.of(field, order, false))));
    }

    @ParameterizedTest(name = "{0} by {1} ascending={2}")
    @MethodSource("eachFieldOnEachDateOrder")
    void eachDateFilter_alone_orOneEnded_walksExactlyTheMatches(TicketDateField field, TicketOrder order,
                                                                boolean ascending) {
        for (DateRange dates : List.of(range("2026-01-05T00:00:00Z", "2026-01-12T07:30:00Z"),
                range("2026-01-12T00:00:00Z", null), range(null, "2026-01-12T00:00:00Z"))) {
            Map<TicketDateField, DateRange> filter = Map.of(field, dates);

            List<Ticket> walked = walk(query(order, ascending, Set.of(), Set.of(), filter, 30));

            assertThat(ids(walked)).as("%s %s", field, dates).containsExactlyElementsOf(ids(expected(order, ascending,
                    matching(filter))));
        }
    }

    @Test
    void after_includesItsInstant_andBefore_excludesIt_inEveryDateField() {
        for (TicketDateField field : TicketDateField.values()) {
            Map<TicketDateField, DateRange> from = Map.of(field, new DateRange(Optional.of(DAY), Optional.empty()));
            Map<TicketDateField, DateRange> before = Map.of(field, new DateRange(Optional.empty(), Optional.of(DAY)));

            assertThat(ids(walk(query(TicketOrder.ticketId, true, Set.of(), Set.of(), from, 1000))))
                    .as("%s from the day's start", field).contains(1L).doesNotContain(2L);
            assertThat(ids(walk(query(TicketOrder.ticketId, true, Set.of(), Set.of(), before, 1000))))
                    .as("%s before the day's start", field).contains(2L).doesNotContain(1L);
        }
    }

    @Test
    void ticketsWithoutExpectedDate_matchNoExpectedDateRange_inEitherDirection() {
        for (boolean ascending : List.of(true, false)) {
            List<Ticket> walked = walk(query(TicketOrder.expectedDate, ascending, Set.of(), Set.of(),
                    Map.of(TicketDateField.expectedDate, range("1970-01-01T00:00:00Z", null)), 50));

            assertThat(walked).isNotEmpty().allMatch(t -> t.expectedDate() != null);
            assertThat(walked).hasSize((int) tickets.stream().filter(t -> t.expectedDate() != null).count());
        }
    }

    @Test
    void createdRange_inCreatedOrder_readsOnlyTheRange_inOneQuery() {
        Map<TicketDateField, DateRange> dates = Map.of(TicketDateField.created,
                range("2026-01-05T00:00:00Z", "2026-01-08T00:00:00Z"));
        int matches = expected(TicketOrder.createdDateTime, false, matching(dates)).size();

        counter.reset();
        Page<Ticket> page = listing.list(query(TicketOrder.createdDateTime, false, Set.of(), Set.of(), dates, 100));

        assertThat(page.items()).hasSize(matches);
        assertThat(page.continuationToken()).isEmpty();
        assertThat(page.itemCount()).as("all read: known").hasValue(matches);
        assertThat(counter.snapshot().totalCalls()).isEqualTo(1);
        assertThat(counter.snapshot().scannedCount()).as("no ticket outside the range is read").isEqualTo(matches);
    }

    @Test
    void expectedDateRange_inExpectedDateOrder_readsOnlyTheRange() {
        Map<TicketDateField, DateRange> dates = Map.of(TicketDateField.expectedDate,
                range("2026-01-05T00:00:00Z", "2026-01-15T00:00:00Z"));
        int matches = expected(TicketOrder.expectedDate, true, matching(dates)).size();

        counter.reset();
        Page<Ticket> page = listing.list(query(TicketOrder.expectedDate, true, Set.of(), Set.of(), dates, 100));

        assertThat(page.items()).hasSize(matches);
        assertThat(counter.snapshot().scannedCount()).isEqualTo(matches);
    }

    @Test
    void resolvedTickets_createdInARange_areReadFromEachStatusPartitionsRange_andMergedAcrossPages() {
        Set<Status> resolved = Set.of(Status.Resolved, Status.Closed);
        Map<TicketDateField, DateRange> dates = Map.of(TicketDateField.created,
                range("2026-01-04T00:00:00Z", "2026-01-18T00:00:00Z"));
        Predicate<Ticket> matches = matching(dates).and(t -> resolved.contains(t.status()));
        int expectedCount = expected(TicketOrder.createdDateTime, false, matches).size();

        counter.reset();
        List<Ticket> walked = walk(query(TicketOrder.createdDateTime, false, resolved, Set.of(), dates, 3));

        assertThat(ids(walked)).containsExactlyElementsOf(ids(expected(TicketOrder.createdDateTime, false, matches)));
        // Each page reads at most limit + 1 per stream within the range, never the tickets outside it.
        long pages = (expectedCount + 2) / 3;
        assertThat(counter.snapshot().scannedCount()).isLessThanOrEqualTo(pages * 2 * 4);
        for (boolean ascending : List.of(true, false)) {
            assertThat(ids(walk(query(TicketOrder.createdDateTime, ascending, resolved, Set.of(Priority.Low,
                    Priority.Urgent), dates, 2)))).containsExactlyElementsOf(ids(expected(TicketOrder.createdDateTime,
                    ascending, matches.and(t -> t.priority() == Priority.Low || t.priority() == Priority.Urgent))));
        }
    }

    @Test
    void priorityPartitions_withALastUpdateRange_walkExactlyTheMatches() {
        Map<TicketDateField, DateRange> dates = Map.of(TicketDateField.lastUpdate,
                range("2026-01-08T00:00:00Z", "2026-01-16T00:00:00Z"));
        Set<Priority> priorities = Set.of(Priority.Medium, Priority.Important);

        List<Ticket> walked = walk(query(TicketOrder.createdDateTime, true, Set.of(), priorities, dates, 5));

        assertThat(ids(walked)).containsExactlyElementsOf(ids(expected(TicketOrder.createdDateTime, true,
                matching(dates).and(t -> priorities.contains(t.priority())))));
    }

    @Test
    void lastUpdateAfter_inLastInteractionOrder_isAFilter_sinceTheAutomationUpdatesWithoutAnInteraction() {
        Map<TicketDateField, DateRange> dates = Map.of(TicketDateField.lastUpdate, range("2026-01-20T00:00:00Z",
                null));
        List<Ticket> matches = expected(TicketOrder.lastInteraction, true, matching(dates));

        counter.reset();
        List<Ticket> walked = walk(query(TicketOrder.lastInteraction, true, Set.of(), Set.of(), dates, 1000));

        assertThat(ids(walked)).containsExactlyElementsOf(ids(matches));
        // An escalation or an idle reassignment moves lastUpdatedOn past lastInteraction, so the key range of the
        // last-interaction order cannot start at the range: every ticket is read and filtered.
        assertThat(counter.snapshot().scannedCount()).isEqualTo(COUNT);
    }

    @Test
    void lastUpdateBefore_inCreatedOrder_readsOnlyTicketsCreatedBeforeIt() {
        Map<TicketDateField, DateRange> dates = Map.of(TicketDateField.lastUpdate, range(null,
                "2026-01-06T00:00:00Z"));
        long createdBefore = tickets.stream().filter(t -> t.createdOn().isBefore(Instant.parse(
                "2026-01-06T00:00:00Z"))).count();

        counter.reset();
        List<Ticket> walked = walk(query(TicketOrder.createdDateTime, false, Set.of(), Set.of(), dates, 1000));

        assertThat(ids(walked)).containsExactlyElementsOf(ids(expected(TicketOrder.createdDateTime, false,
                matching(dates))));
        assertThat(counter.snapshot().scannedCount()).isEqualTo(createdBefore);
    }

    @Test
    void rangesThatNoKeyCanMeet_readNothing_andAnswerAnEmptyLastPage() {
        // Updated before the 5th means created before it, which no ticket created from the 6th on is.
        Map<TicketDateField, DateRange> dates = Map.of(
                TicketDateField.lastUpdate, range(null, "2026-01-05T00:00:00Z"),
                TicketDateField.created, range("2026-01-06T00:00:00Z", null));

        counter.reset();
        Page<Ticket> page = listing.list(query(TicketOrder.createdDateTime, false, Set.of(), Set.of(), dates, 10));

        assertThat(page.items()).isEmpty();
        assertThat(page.continuationToken()).isEmpty();
        assertThat(page.itemCount()).hasValue(0);
        assertThat(counter.snapshot().totalCalls()).isZero();
    }

    @Test
    void offsetPaging_underADateFilter_agreesWithTokenPaging() {
        Map<TicketDateField, DateRange> dates = Map.of(TicketDateField.created, range("2026-01-04T00:00:00Z",
                "2026-01-22T00:00:00Z"));
        TicketQuery first = query(TicketOrder.title, true, Set.of(), Set.of(), dates, 12);
        List<Ticket> byToken = walk(first);

        List<Ticket> byOffset = new ArrayList<>();
        for (int offset = 0; offset < byToken.size(); offset += 12) {
            byOffset.addAll(listing.list(first.page(offset, Optional.empty())).items());
        }

        assertThat(ids(byOffset)).containsExactlyElementsOf(ids(byToken));
    }

    @Test
    void filterThatMatchesFew_withoutAnIndexRange_stopsAtTheReadBudget_andTheWalkStillFindsEveryMatch() {
        int budget = 20;
        DynamoDbTicketListing small = new DynamoDbTicketListing(counted, table.tableName(), TOKENS, budget);
        // Title order has no date range: the lastUpdate range is a filter over the whole list.
        Map<TicketDateField, DateRange> dates = Map.of(TicketDateField.lastUpdate, range("2026-01-24T00:00:00Z",
                "2026-01-26T00:00:00Z"));
        List<Ticket> matches = expected(TicketOrder.title, true, matching(dates));
        List<Ticket> walked = new ArrayList<>();
        List<Long> scannedPerRequest = new ArrayList<>();
        boolean sawEmptyPageWithToken = false;
        Optional<String> token = Optional.empty();
        TicketQuery first = query(TicketOrder.title, true, Set.of(), Set.of(), dates, 10);
        do {
            counter.reset();
            Page<Ticket> page = small.list(first.page(0, token));
            scannedPerRequest.add(counter.snapshot().scannedCount());
            walked.addAll(page.items());
            token = page.continuationToken();
            sawEmptyPageWithToken |= page.items().isEmpty() && token.isPresent();
            assertThat(page.itemCount()).as("a date filter is unknown to the counts").isEmpty();
        } while (token.isPresent() && scannedPerRequest.size() < 50);

        assertThat(matches).isNotEmpty().hasSizeLessThan(budget);
        assertThat(ids(walked)).containsExactlyElementsOf(ids(matches));
        assertThat(token).isEmpty();
        assertThat(scannedPerRequest).hasSizeGreaterThan(1).allMatch(scanned -> scanned <= budget);
        assertThat(sawEmptyPageWithToken).as("a page may hold no ticket and still go on").isTrue();
    }

    @Test
    void anotherInstancesTickets_neverMatch() {
        Map<TicketDateField, DateRange> dates = Map.of(TicketDateField.created, range("2026-01-01T00:00:00Z", null));

        List<Ticket> walked = walk(query(TicketOrder.createdDateTime, false, Set.of(Status.Open, Status.Closed),
                Set.of(), dates, 50));

        assertThat(walked).isNotEmpty().allMatch(t -> t.instanceId().equals(INSTANCE));
    }

    private static DateRange range(String from, String before) {
        return new DateRange(Optional.ofNullable(from).map(Instant::parse),
                Optional.ofNullable(before).map(Instant::parse));
    }

    private static Predicate<Ticket> matching(Map<TicketDateField, DateRange> dates) {
        return t -> dates.entrySet().stream().allMatch(e -> e.getValue().contains(switch (e.getKey()) {
            case created -> t.createdOn();
            case expectedDate -> t.expectedDate();
            case lastUpdate -> t.lastUpdatedOn();
        }));
    }

    private static TicketQuery query(TicketOrder order, boolean ascending, Set<Status> statuses,
                                     Set<Priority> priorities, Map<TicketDateField, DateRange> dates, int limit) {
        return new TicketQuery(INSTANCE, order, ascending, statuses, priorities, Set.of(), Optional.empty(),
                Optional.empty(), dates.isEmpty() ? Map.of() : new EnumMap<>(dates), limit, 0, Optional.empty());
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
