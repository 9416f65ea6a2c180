package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.Dependencies;
import dev.ticketing.error.NotFoundException;
import dev.ticketing.json.Json;
import dev.ticketing.model.Activity;
import dev.ticketing.model.ActivityType;
import dev.ticketing.model.Ticket;
import dev.ticketing.store.Page;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testing.OverlappingInstances.Side;
import dev.ticketing.testing.OverlappingInstances;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The services under two instances with overlapping data: one instance's UUIDs are unknown to the other, its
 * numbers reach only its own tickets, and the same idempotency key makes a separate ticket and comment in each.
 */
@ExtendWith(DynamoDbEngine.class)
class TicketIsolationIT {

    private static Dependencies deps;
    private static TicketService tickets;
    private static TicketLifecycleService lifecycle;
    private static TicketListService lists;
    /** Read by every test that changes nothing; a test that writes makes its own. */
    private static OverlappingInstances data;

    @BeforeAll
    static void setUp(TestTable table) {
        deps = Fixtures.dependencies(table);
        tickets = deps.ticketService();
        lifecycle = deps.ticketLifecycleService();
        lists = deps.ticketListService();
        data = OverlappingInstances.create(deps);
    }

    @Test
    void get_byTheOtherInstancesUuid_answers404_thoughTheCallerOwnsATicketWithThatNumber() {
        Side a = data.a();
        Side b = data.b();

        for (Ticket foreign : List.of(a.full(), a.resolved())) {
            assertThat(tickets.get(b.instanceId(), Long.toString(foreign.ticketId())).instanceId())
                    .isEqualTo(b.instanceId());
            assertThatThrownBy(() -> tickets.get(b.instanceId(), foreign.id())).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> tickets.get(a.instanceId(), b.keyedTicketId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tickets.get(b.instanceId(), "4")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void get_byNumber_answersEachInstanceItsOwnTicket() {
        for (Side side : List.of(data.a(), data.b())) {
            assertThat(tickets.get(side.instanceId(), "1").title()).isEqualTo(side.title(1));
            assertThat(tickets.get(side.instanceId(), "2").id()).isEqualTo(side.keyedTicketId());
            assertThat(tickets.get(side.instanceId(), "3").resolution()).isEqualTo(side.label() + " fixed it");
        }
    }

    @Test
    void writesAndHistory_byTheOtherInstancesUuid_answer404_andLeaveBothTicketsUnchanged() {
        OverlappingInstances own = OverlappingInstances.create(deps);
        Side a = own.a();
        Side b = own.b();
        String foreign = a.full().id();
        Ticket aBefore = tickets.get(a.instanceId(), foreign);
        Ticket bBefore = tickets.get(b.instanceId(), "1");

        assertThatThrownBy(() -> lifecycle.update(b.instanceId(), foreign,
                json("{\"updates\": {\"title\": \"taken over\"}, \"user\": {\"id\": \"b\"}}"), OptionalLong.empty()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lifecycle.changeStatus(b.instanceId(), foreign,
                json("{\"status\": \"Started\", \"user\": {\"id\": \"b\"}}"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lifecycle.addComment(b.instanceId(), foreign,
                json("{\"comment\": \"hello\", \"user\": {\"id\": \"b\"}}"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lifecycle.addComment(b.instanceId(), foreign,
                json("{\"comment\": \"hello\", \"user\": {\"id\": \"b\"}}"), Optional.of("another-key"),
                        c -> Fixtures.created("{}")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lifecycle.activities(b.instanceId(), foreign, PageRequest.first(10), true))
                .isInstanceOf(NotFoundException.class);

        assertThat(tickets.get(a.instanceId(), foreign)).isEqualTo(aBefore);
        assertThat(tickets.get(b.instanceId(), "1")).isEqualTo(bBefore);
    }

    @Test
    void writesByNumber_changeOnlyTheCallersTicket() {
        OverlappingInstances own = OverlappingInstances.create(deps);
        Side a = own.a();
        Side b = own.b();
        Ticket aBefore = tickets.get(a.instanceId(), "3");

        lifecycle.update(b.instanceId(), "3", json("{\"updates\": {\"title\": \"B renamed\"}, "
                + "\"user\": {\"id\": \"b\"}}"), OptionalLong.empty());
        lifecycle.changeStatus(b.instanceId(), "3", json("{\"status\": \"Closed\", \"user\": {\"id\": \"b\"}}"));
        lifecycle.addComment(b.instanceId(), "3", json("{\"comment\": \"B only\", \"user\": {\"id\": \"b\"}}"));

        assertThat(tickets.get(b.instanceId(), "3").title()).isEqualTo("B renamed");
        assertThat(tickets.get(a.instanceId(), "3")).isEqualTo(aBefore);
        assertThat(lifecycle.activities(a.instanceId(), "3", PageRequest.first(100), true).items())
                .extracting(Activity::type)
                .containsExactly(ActivityType.created, ActivityType.statusChange);
        assertThat(lifecycle.activities(b.instanceId(), "3", PageRequest.first(100), true).items())
                .extracting(Activity::type)
                .containsExactly(ActivityType.created, ActivityType.statusChange, ActivityType.update,
                        ActivityType.statusChange, ActivityType.comment);
    }

    @Test
    void idempotentCreate_withTheSameKeyAndBody_makesOneTicketInEachInstance_andEachReplaysItsOwn() throws Exception {
        for (Side side : List.of(data.a(), data.b())) {
            Ticket keyed = tickets.get(side.instanceId(), side.keyedTicketId());
            Idempotency.Response replay = tickets.create(side.instanceId(), OverlappingInstances.sameBody(),
                    Optional.of(OverlappingInstances.CREATE_KEY), t -> Fixtures.created("never rendered"));

            assertThat(keyed.instanceId()).isEqualTo(side.instanceId());
            assertThat(replay).isEqualTo(side.keyedCreate());
        }
        assertThat(data.a().keyedTicketId()).isNotEqualTo(data.b().keyedTicketId());
    }

    @Test
    void idempotentComment_withTheSameKeyAndBody_addsACommentInEachInstance() throws Exception {
        for (Side side : List.of(data.a(), data.b())) {
            List<Activity> history = lifecycle.activities(side.instanceId(), "1", PageRequest.first(100), true).items();
            Activity comment = history.get(history.size() - 1);

            assertThat(comment.type()).isEqualTo(ActivityType.comment);
            assertThat(comment.instanceId()).isEqualTo(side.instanceId());
            assertThat(Json.parse(side.keyedComment().body()).at("/item/id").asText()).isEqualTo(comment.id());
        }
    }

    @Test
    void lists_andTheirCounts_neverMix() {
        for (Side side : List.of(data.a(), data.b())) {
            Page<Ticket> page = lists.list(TicketListParameters.parse(side.instanceId(),
                    name -> Optional.ofNullable(Map.of("limit", "100").get(name)), Optional.empty()));

            assertThat(page.items()).extracting(Ticket::id).containsExactlyInAnyOrder(side.full().id(),
                    side.keyedTicketId(), side.resolved().id());
        }
    }

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
