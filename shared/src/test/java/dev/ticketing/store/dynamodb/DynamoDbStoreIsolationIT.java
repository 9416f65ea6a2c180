package dev.ticketing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.Dependencies;
import dev.ticketing.store.InvalidPageRequestException;
import dev.ticketing.model.Activity;
import dev.ticketing.model.ActivityType;
import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.model.Tag;
import dev.ticketing.model.TagCategory;
import dev.ticketing.model.Ticket;
import dev.ticketing.store.Page;
import dev.ticketing.store.IdempotencyRecord;
import dev.ticketing.store.InstanceStore;
import dev.ticketing.store.TicketListing;
import dev.ticketing.store.TicketOrder;
import dev.ticketing.store.TicketQuery;
import dev.ticketing.store.TicketStore;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testing.OverlappingInstances.Side;
import dev.ticketing.testing.OverlappingInstances;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The store under two instances whose tickets share numbers, tag category ids and texts, idempotency keys and
 * kinds of activity: every read by one instance returns its own items only, so a key that forgot the instance
 * shows up as the other instance's data.
 */
@ExtendWith(DynamoDbEngine.class)
class DynamoDbStoreIsolationIT {

    private static TicketStore store;
    private static TicketListing listing;
    private static InstanceStore instances;
    private static OverlappingInstances data;

    @BeforeAll
    static void setUp(TestTable table) {
        Dependencies deps = Fixtures.dependencies(table);
        store = deps.ticketStore();
        instances = deps.instanceStore();
        listing = new DynamoDbTicketListing(deps.client(), table.tableName(), new ContinuationTokens("test-secret"));
        data = OverlappingInstances.create(deps);
    }

    static Stream<Arguments> bothWays() {
        return Stream.of(Arguments.of("A", "B"), Arguments.of("B", "A"));
    }

    @ParameterizedTest(name = "{0} reads, {1} owns the same numbers")
    @MethodSource("bothWays")
    void findByNumber_ofNumbersBothInstancesUse_findsTheCallersOwnTicket(String reader, String other) {
        Side mine = side(reader);

        assertThat(store.findByNumber(mine.instanceId(), 1)).get()
                .satisfies(t -> assertThat(t.id()).isEqualTo(mine.full().id()))
                .satisfies(t -> assertThat(t.title()).isEqualTo(mine.title(1)));
        assertThat(store.findByNumber(mine.instanceId(), 2)).get()
                .satisfies(t -> assertThat(t.id()).isEqualTo(mine.keyedTicketId()));
        assertThat(store.findByNumber(mine.instanceId(), 3)).get()
                .satisfies(t -> assertThat(t.id()).isEqualTo(mine.resolved().id()))
                .satisfies(t -> assertThat(t.instanceId()).isEqualTo(mine.instanceId()));
        assertThat(store.findByNumber(mine.instanceId(), 4)).isEmpty();
    }

    @ParameterizedTest(name = "{0} reads {1}''s UUIDs")
    @MethodSource("bothWays")
    void findById_ofTheOtherInstancesUuids_findsNothing_thoughTheCallerOwnsTheirNumbers(String reader, String other) {
        Side mine = side(reader);
        Side theirs = side(other);

        for (String foreignId : List.of(theirs.full().id(), theirs.keyedTicketId(), theirs.resolved().id())) {
            assertThat(store.findById(mine.instanceId(), foreignId)).as(foreignId).isEmpty();
        }
        assertThat(store.findById(mine.instanceId(), mine.full().id())).get()
                .satisfies(t -> assertThat(t.title()).isEqualTo(mine.title(1)));
    }

    @ParameterizedTest(name = "{0}''s record under the key both used")
    @MethodSource("bothWays")
    void idempotencyRecords_underTheSameKey_areEachInstancesOwn(String reader, String other) {
        Side mine = side(reader);

        IdempotencyRecord record = store.findIdempotencyRecord(mine.instanceId(), OverlappingInstances.CREATE_KEY)
                .orElseThrow();

        assertThat(record.instanceId()).isEqualTo(mine.instanceId());
        assertThat(record.responseBody()).contains(mine.keyedTicketId()).doesNotContain(side(other).keyedTicketId());
        assertThat(mine.keyedTicketId()).isNotEqualTo(side(other).keyedTicketId());
    }

    @ParameterizedTest(name = "{0}''s history of tickets 1 and 3")
    @MethodSource("bothWays")
    void activities_ofTheSameTicketNumbers_areEachInstancesOwn(String reader, String other) {
        Side mine = side(reader);

        List<Activity> first = store.activities(mine.instanceId(), 1, 100, null, true).items();
        List<Activity> third = store.activities(mine.instanceId(), 3, 100, null, true).items();

        assertThat(first).extracting(Activity::type)
                .containsExactly(ActivityType.created, ActivityType.update, ActivityType.comment);
        assertThat(third).extracting(Activity::type).containsExactly(ActivityType.created, ActivityType.statusChange);
        assertThat(Stream.concat(first.stream(), third.stream()))
                .allSatisfy(a -> assertThat(a.instanceId()).isEqualTo(mine.instanceId()));
        assertThat(first.get(1).user().name()).isEqualTo(mine.person("Updater"));
        assertThat(third.get(1).user().name()).isEqualTo(mine.person("Resolver"));
    }

    @Test
    void activitiesToken_ofOneInstance_isRefusedForTheSameTicketNumberOfTheOther() {
        Page<Activity> page = store.activities(data.a().instanceId(), 1, 1, null, true);

        String token = page.continuationToken().orElseThrow();
        assertThatThrownBy(() -> store.activities(data.b().instanceId(), 1, 1, token, true))
                .isInstanceOf(InvalidPageRequestException.class);
    }

    static Stream<Arguments> everyOrderForBoth() {
        return Stream.of(TicketOrder.values()).flatMap(o -> Stream.of("A", "B").flatMap(reader ->
                Stream.of(Arguments.of(reader, o, true), Arguments.of(reader, o, false))));
    }

    @ParameterizedTest(name = "{0} lists by {1} ascending={2}")
    @MethodSource("everyOrderForBoth")
    void list_underEveryOrder_holdsExactlyTheCallersTickets(String reader, TicketOrder order, boolean ascending) {
        Side mine = side(reader);

        List<Ticket> listed = listing.list(query(mine, order, ascending, Set.of(), Set.of(), Set.of(),
                Optional.empty(), Optional.empty())).items();

        assertThat(listed).extracting(Ticket::id).containsExactlyInAnyOrder(mine.full().id(), mine.keyedTicketId(),
                mine.resolved().id());
    }

    @ParameterizedTest(name = "{0} filters")
    @MethodSource("bothWays")
    void list_withEveryFilter_matchesOnlyTheCallersTickets(String reader, String other) {
        Side mine = side(reader);
        String sharedTag = OverlappingInstances.TOPIC + "_" + OverlappingInstances.NEW_TAG.toLowerCase(Locale.ROOT);

        assertThat(ids(query(mine, TicketOrder.createdDateTime, false, Set.of(Status.Resolved), Set.of(), Set.of(),
                Optional.empty(), Optional.empty()))).containsExactly(mine.resolved().id());
        assertThat(ids(query(mine, TicketOrder.title, true, Set.of(Status.Resolved, Status.Open), Set.of(),
                Set.of(), Optional.empty(), Optional.empty()))).hasSize(3);
        assertThat(ids(query(mine, TicketOrder.createdDateTime, false, Set.of(), Set.of(Priority.Urgent), Set.of(),
                Optional.empty(), Optional.empty()))).containsExactly(mine.full().id());
        assertThat(ids(query(mine, TicketOrder.ticketId, true, Set.of(), Set.of(), Set.of(sharedTag),
                Optional.empty(), Optional.empty()))).containsExactly(mine.full().id());
        assertThat(ids(query(mine, TicketOrder.ticketId, true, Set.of(), Set.of(), Set.of(),
                Optional.of("ticket"), Optional.empty()))).containsExactly(mine.full().id(), mine.resolved().id());
        assertThat(ids(query(mine, TicketOrder.ticketId, true, Set.of(), Set.of(), Set.of(),
                Optional.of("same request"), Optional.empty()))).containsExactly(mine.keyedTicketId());
        assertThat(ids(query(mine, TicketOrder.ticketId, true, Set.of(), Set.of(), Set.of(),
                Optional.empty(), Optional.of("only " + reader.toLowerCase(Locale.ROOT))))).hasSize(2);
        assertThat(ids(query(mine, TicketOrder.ticketId, true, Set.of(), Set.of(), Set.of(),
                Optional.empty(), Optional.of("only " + other.toLowerCase(Locale.ROOT))))).isEmpty();
    }

    @Test
    void listToken_ofOneInstance_isRefusedForTheOther_underTheSameQuery() {
        TicketQuery firstPage = new TicketQuery(data.a().instanceId(), TicketOrder.ticketId, true, Set.of(), Set.of(),
                Set.of(), Optional.empty(), Optional.empty(), 1, 0, Optional.empty());
        String token = listing.list(firstPage).continuationToken().orElseThrow();

        assertThatThrownBy(() -> listing.list(new TicketQuery(data.b().instanceId(), TicketOrder.ticketId, true,
                Set.of(), Set.of(), Set.of(), Optional.empty(), Optional.empty(), 1, 0, Optional.of(token))))
                .isInstanceOfSatisfying(InvalidPageRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("continuationToken"));
    }

    @ParameterizedTest(name = "{0}''s categories")
    @MethodSource("bothWays")
    void tagCategories_withTheSameIdAndTexts_areEachInstancesOwn_andGainTheNewTextOnce(String reader, String other) {
        Side mine = side(reader);

        List<TagCategory> categories = instances.tagCategories(mine.instanceId());

        assertThat(categories).singleElement().satisfies(category -> {
            assertThat(category.id()).isEqualTo(OverlappingInstances.TOPIC);
            assertThat(category.instanceId()).isEqualTo(mine.instanceId());
            assertThat(category.tags()).extracting(Tag::text)
                    .containsOnlyOnce(OverlappingInstances.NEW_TAG, "sdsad", "my tag");
        });
    }

    private static List<String> ids(TicketQuery query) {
        return listing.list(query).items().stream().map(Ticket::id).toList();
    }

    private static TicketQuery query(Side side, TicketOrder order, boolean ascending, Set<Status> statuses,
                                     Set<Priority> priorities, Set<String> tags, Optional<String> title,
                                     Optional<String> search) {
        return new TicketQuery(side.instanceId(), order, ascending, statuses, priorities, tags, title, search, 50, 0,
                Optional.empty());
    }

    private static Side side(String label) {
        return label.equals("A") ? data.a() : data.b();
    }
}
