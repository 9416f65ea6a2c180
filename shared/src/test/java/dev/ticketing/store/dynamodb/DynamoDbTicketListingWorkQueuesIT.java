package dev.ticketing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.local.dynamodb.DynamoDbCallCounter;
import dev.ticketing.model.Status;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.User;
import dev.ticketing.store.DateRange;
import dev.ticketing.store.TicketDateField;
import dev.ticketing.store.TicketOrder;
import dev.ticketing.store.TicketQuery;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The work-queue filters of GET /tickets against the engine: {@code isFrtEscalated}, {@code isRtEscalated} (the
 * sparse escalation index), {@code assignee} (a key range of the assignee-email order) and the incremental export
 * {@code updatedSince} (the last-change index), each compared with a selection computed from the tickets, with
 * what it reads.
 */
@ExtendWith(DynamoDbEngine.class)
class DynamoDbTicketListingWorkQueuesIT {

    private static final String INSTANCE = "queues-it";
    private static final String OTHER_INSTANCE = "queues-it-other";
    private static final int COUNT = 90;
    private static final Instant START = Instant.parse("2026-01-01T08:00:00Z");
    private static final List<User> AGENTS = List.of(new User("a1", "Ada Agent", "Ada@Helpdesk.example"),
            new User("a2", "Ben Agent", "ben@helpdesk.example"),
            // A longer address that starts like Ben's: its tickets must not be Ben's.
            new User("a3", "Ben Other", "ben@helpdesk.example.org"));
    private static final ContinuationTokens TOKENS = new ContinuationTokens("test-secret");
    private static List<Ticket> tickets;
    private static DynamoDbCallCounter counter;
    private static DynamoDbTicketListing listing;

    @BeforeAll
    static void loadTickets(TestTable table) {
        tickets = generate(INSTANCE, COUNT, 5);
        TicketLoader.put(table.client(), table.tableName(), tickets);
        // Another instance with the same numbers, flags and people: never seen.
        TicketLoader.put(table.client(), table.tableName(), generate(OTHER_INSTANCE, 40, 5));
        counter = new DynamoDbCallCounter();
        DynamoDbClient counted = table.newClient(counter);
        listing = new DynamoDbTicketListing(counted, table.tableName(), TOKENS);
    }

    /** About a quarter escalated for each target, a quarter unassigned, last changed up to 10 days later. */
    private static List<Ticket> generate(String instanceId, int count, long seed) {
        Random random = new Random(seed);
        List<Ticket> out = new ArrayList<>();
        for (Ticket t : SampleTickets.generate(instanceId, 1, count, seed)) {
            User assignee = random.nextInt(4) == 0 ? null : AGENTS.get(random.nextInt(AGENTS.size()));
            Instant updated = t.createdOn().plus(Duration.ofMinutes(random.nextInt(10 * 24 * 60)));
            out.add(t.toBuilder().assignee(assignee).isFrtEscalated(random.nextInt(100) < 25)
                    .isRtEscalated(random.nextInt(100) < 30).lastUpdatedOn(updated).build());
        }
        return out;
    }

    @ParameterizedTest(name = "isFrtEscalated={0} isRtEscalated={1} ascending={2}")
    @CsvSource({"true,,false", "true,,true", ",true,false", "true,true,false", "true,false,true", "false,true,false"})
    void escalationFlagsAskedTrue_walkTheSparseIndex_readingOnlyEscalatedTickets(Boolean frt, Boolean rt,
                                                                               boolean ascending) {
        TicketQuery query = query(TicketOrder.createdDateTime, ascending, 1000).withFlags(frt, rt);
        Predicate<Ticket> matches = t -> (frt == null || t.isFrtEscalated() == frt)
                && (rt == null || t.isRtEscalated() == rt);

        counter.reset();
        List<Ticket> all = walk(query);
        long scanned = counter.snapshot().scannedCount();

        assertThat(all).isNotEmpty();
        assertThat(ids(all)).containsExactlyElementsOf(ids(expected(TicketOrder.createdDateTime, ascending, matches)));
        assertThat(scanned).as("only escalated tickets are read").isEqualTo(all.size());
        assertThat(ids(walk(query(TicketOrder.createdDateTime, ascending, 4).withFlags(frt, rt))))
                .as("in pages of 4").isEqualTo(ids(all));
    }

    @Test
    void anEscalationFlag_withAnotherOrderAndAStatusFilter_isFilteredAndStillExact() {
        TicketQuery query = new TicketQuery(INSTANCE, TicketOrder.priority, false, Set.of(Status.Open, Status.Started),
                Set.of(), Set.of(), Optional.empty(), Optional.empty(), Map.of(), 5, 0, Optional.empty(),
                Optional.empty(), Optional.of(true), Optional.empty(), Optional.empty());

        List<Ticket> all = walk(query);

        assertThat(ids(all)).containsExactlyElementsOf(ids(expected(TicketOrder.priority, false,
                t -> t.isFrtEscalated() && (t.status() == Status.Open || t.status() == Status.Started))));
    }

    @Test
    void isFrtEscalatedFalse_isAFilter_overTheList() {
        List<Ticket> all = walk(query(TicketOrder.createdDateTime, false, 7).withFlags(false, null));

        assertThat(ids(all)).containsExactlyElementsOf(ids(expected(TicketOrder.createdDateTime, false,
                t -> !t.isFrtEscalated())));
    }

    @Test
    void assignee_readsOnlyThatPersonsTickets_caseInsensitively_andNotThoseOfALongerAddress() {
        TicketQuery query = query(TicketOrder.createdDateTime, false, 1000).withAssignee("ben@helpdesk.example");

        counter.reset();
        List<Ticket> all = walk(query);
        long scanned = counter.snapshot().scannedCount();

        Predicate<Ticket> bens = t -> t.assignee() != null && t.assignee().id().equals("a2");
        assertThat(all).isNotEmpty();
        assertThat(ids(all)).containsExactlyElementsOf(ids(expected(TicketOrder.createdDateTime, false, bens)));
        assertThat(scanned).as("only Ben's tickets are read").isEqualTo(all.size());
        assertThat(ids(walk(query(TicketOrder.createdDateTime, true, 3).withAssignee("ADA@helpdesk.example"))))
                .containsExactlyElementsOf(ids(expected(TicketOrder.createdDateTime, true,
                        t -> t.assignee() != null && t.assignee().id().equals("a1"))));
    }

    @Test
    void assignee_withAStatusFilterAndAnotherOrder_isExact() {
        TicketQuery query = new TicketQuery(INSTANCE, TicketOrder.title, true, Set.of(Status.Open, Status.Reopened),
                Set.of(), Set.of(), Optional.empty(), Optional.empty(), Map.of(), 4, 0, Optional.empty(),
                Optional.of("ada@helpdesk.example"), Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(ids(walk(query))).containsExactlyElementsOf(ids(expected(TicketOrder.title, true,
                t -> t.assignee() != null && t.assignee().id().equals("a1")
                        && (t.status() == Status.Open || t.status() == Status.Reopened))));
    }

    @Test
    void assignee_andAnEscalationFlag_together() {
        TicketQuery query = query(TicketOrder.createdDateTime, false, 2).withFlags(true, null)
                .withAssignee("ada@helpdesk.example");

        assertThat(ids(walk(query))).containsExactlyElementsOf(ids(expected(TicketOrder.createdDateTime, false,
                t -> t.isFrtEscalated() && t.assignee() != null && t.assignee().id().equals("a1"))));
    }

    @Test
    void updatedSince_walksTheTicketsChangedAfterIt_oldestChangeFirst_upToTheHorizon() {
        Instant since = START.plus(Duration.ofDays(3));
        Instant horizon = START.plus(Duration.ofDays(9));
        TicketQuery query = query(TicketOrder.createdDateTime, false, 6)
                .withExport(Optional.of(new TicketQuery.UpdatedSince(since, horizon)));

        counter.reset();
        List<Ticket> all = walk(query);

        List<Ticket> expected = tickets.stream()
                .filter(t -> t.lastUpdatedOn().isAfter(since) && t.lastUpdatedOn().isBefore(horizon))
                .sorted(Comparator.comparing(Ticket::lastUpdatedOn).thenComparingLong(Ticket::ticketId)).toList();
        assertThat(all).isNotEmpty();
        assertThat(ids(all)).containsExactlyElementsOf(ids(expected));
        assertThat(counter.snapshot().scannedCount()).as("only the range is read")
                .isLessThanOrEqualTo(expected.size() + (expected.size() / 6 + 1));
    }

    @Test
    void updatedSince_isExclusive_ofATicketChangedAtThatVeryTime() {
        Ticket first = tickets.stream().min(Comparator.comparing(Ticket::lastUpdatedOn)).orElseThrow();
        TicketQuery query = query(TicketOrder.createdDateTime, false, 1000).withExport(Optional.of(
                new TicketQuery.UpdatedSince(first.lastUpdatedOn(), Instant.parse("2100-01-01T00:00:00Z"))));

        List<Ticket> all = walk(query);

        assertThat(ids(all)).doesNotContain(first.ticketId()).hasSize((int) tickets.stream()
                .filter(t -> t.lastUpdatedOn().isAfter(first.lastUpdatedOn())).count());
    }

    @Test
    void updatedSince_withAStatusFilterAndALastUpdateRange() {
        Instant since = START.plus(Duration.ofDays(2));
        DateRange range = new DateRange(Optional.empty(), Optional.of(START.plus(Duration.ofDays(7))));
        Map<TicketDateField, DateRange> dates = new EnumMap<>(TicketDateField.class);
        dates.put(TicketDateField.lastUpdate, range);
        TicketQuery query = new TicketQuery(INSTANCE, TicketOrder.createdDateTime, false, Set.of(Status.Open),
                Set.of(), Set.of(), Optional.empty(), Optional.empty(), dates, 3, 0, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new TicketQuery.UpdatedSince(since, Instant.parse("2100-01-01T00:00:00Z"))));

        assertThat(ids(walk(query))).containsExactlyElementsOf(ids(tickets.stream()
                .filter(t -> t.status() == Status.Open && t.lastUpdatedOn().isAfter(since)
                        && range.contains(t.lastUpdatedOn()))
                .sorted(Comparator.comparing(Ticket::lastUpdatedOn).thenComparingLong(Ticket::ticketId)).toList()));
    }

    private static TicketQuery query(TicketOrder order, boolean ascending, int limit) {
        return new TicketQuery(INSTANCE, order, ascending, Set.of(), Set.of(), Set.of(), Optional.empty(),
                Optional.empty(), Map.of(), limit, 0, Optional.empty());
    }

    private static List<Ticket> expected(TicketOrder order, boolean ascending, Predicate<Ticket> matches) {
        return SampleTickets.inApiOrder(tickets.stream().filter(matches).toList(), order, ascending);
    }

    private static List<Ticket> walk(TicketQuery first) {
        List<Ticket> all = ListingWalk.walk(listing, first, COUNT + 5);
        assertThat(all).allMatch(t -> t.instanceId().equals(INSTANCE));
        return all;
    }

    private static List<Long> ids(List<Ticket> list) {
        return ListingWalk.ids(list);
    }
}
