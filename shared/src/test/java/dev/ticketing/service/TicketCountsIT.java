package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.model.StatusWorkflow;
import dev.ticketing.model.Ticket;
import dev.ticketing.store.Page;
import dev.ticketing.testing.FailTransactions;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * GET /tickets' {@code itemCount} from the instance's ticket counts: exact after creations, status changes and
 * priority changes, also from many concurrent writers; never changed by a write that failed; absent where it is not
 * known; never another instance's.
 */
@ExtendWith(DynamoDbEngine.class)
class TicketCountsIT {

    private static final int WRITERS = 20;
    private static TestTable table;
    private static Dependencies deps;
    private static TicketService tickets;
    private static TicketLifecycleService lifecycle;
    private static TicketListService lists;
    private static ExecutorService pool;

    @BeforeAll
    static void start(TestTable testTable) {
        table = testTable;
        deps = Fixtures.dependencies(table);
        tickets = deps.ticketService();
        lifecycle = deps.ticketLifecycleService();
        lists = deps.ticketListService();
        pool = Executors.newFixedThreadPool(WRITERS);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void itemCount_isExact_afterCreations_statusChanges_andPriorityChanges() {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();
        assertThat(itemCount(instanceId, Map.of())).hasValue(0);
        List<Ticket> created = new ArrayList<>();
        Priority[] priorities = Priority.values();
        for (int i = 0; i < 12; i++) {
            created.add(tickets.create(instanceId, createBody(priorities[i % priorities.length])));
        }
        lifecycle.changeStatus(instanceId, created.get(0).id(), statusBody("Started"));
        lifecycle.changeStatus(instanceId, created.get(1).id(), statusBody("Resolved"));
        lifecycle.changeStatus(instanceId, created.get(2).id(), statusBody("Closed"));
        lifecycle.changeStatus(instanceId, created.get(3).id(), statusBody("Closed"));
        lifecycle.changeStatus(instanceId, created.get(3).id(), statusBody("Reopened"));
        lifecycle.update(instanceId, created.get(4).id(), priorityBody(Priority.Urgent), OptionalLong.empty());
        lifecycle.update(instanceId, created.get(1).id(), priorityBody(Priority.Low), OptionalLong.empty());
        // Neither a title change nor a comment moves a ticket between counts.
        ObjectNode title = updateBody();
        ((ObjectNode) title.get("updates")).put("title", "Renamed");
        lifecycle.update(instanceId, created.get(5).id(), title, OptionalLong.empty());
        lifecycle.addComment(instanceId, created.get(6).id(), Fixtures.referenceExampleJson("comment-example.json"));

        assertCountsMatchTheTickets(instanceId);
    }

    @Test
    void itemCount_isExact_after20ConcurrentCreations_thenStatusAndPriorityChanges() throws Exception {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();
        List<Callable<Ticket>> creators = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            Priority priority = Priority.values()[i % Priority.values().length];
            creators.add(() -> tickets.create(instanceId, createBody(priority)));
        }
        List<Ticket> created = new ArrayList<>();
        for (Future<Ticket> done : pool.invokeAll(creators)) {
            created.add(done.get());
        }
        assertThat(itemCount(instanceId, Map.of())).hasValue(WRITERS);

        // Every ticket changes status and half of them priority at once, so writes meet on the count items.
        String[] targets = {"Started", "Resolved", "Closed"};
        List<Callable<Void>> changers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            Ticket ticket = created.get(i);
            String target = targets[i % targets.length];
            changers.add(() -> {
                lifecycle.changeStatus(instanceId, ticket.id(), statusBody(target));
                return null;
            });
            if (i % 2 == 0) {
                changers.add(() -> {
                    lifecycle.update(instanceId, ticket.id(), priorityBody(Priority.Important), OptionalLong.empty());
                    return null;
                });
            }
        }
        for (Future<Void> done : pool.invokeAll(changers)) {
            done.get();
        }

        assertCountsMatchTheTickets(instanceId);
        assertThat(itemCount(instanceId, Map.of("statusId", "Started"))).hasValue(7);
        assertThat(itemCount(instanceId, Map.of("isResolved", "true"))).hasValue(13);
    }

    @Test
    void twentyConcurrentStatusChanges_ofOneTicket_leaveItCountedOnce_inTheStatusItEndsIn() throws Exception {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();
        Ticket ticket = tickets.create(instanceId, createBody(Priority.Medium));
        tickets.create(instanceId, createBody(Priority.Low));
        String[] targets = {"Started", "Resolved", "Closed", "Reopened"};
        List<Callable<Void>> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String target = targets[i % targets.length];
            writers.add(() -> {
                try {
                    lifecycle.changeStatus(instanceId, ticket.id(), statusBody(target));
                } catch (dev.ticketing.error.ConflictException refused) {
                    // A move the workflow no longer allows, or too many lost races: nothing written.
                }
                return null;
            });
        }
        for (Future<Void> done : pool.invokeAll(writers)) {
            done.get();
        }

        Status now = tickets.get(instanceId, ticket.id()).status();
        assertThat(itemCount(instanceId, Map.of("status", now.name()))).hasValue(now == Status.Open ? 2 : 1);
        assertCountsMatchTheTickets(instanceId);
    }

    @Test
    void aWriteThatFails_changesNoCount() {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();
        Ticket ticket = tickets.create(instanceId, createBody(Priority.Medium));
        tickets.create(instanceId, createBody(Priority.Medium));
        Dependencies failing = new Dependencies(Fixtures.testConfig(table), table.newClient(new FailTransactions()));

        assertThatThrownBy(() -> failing.ticketService().create(instanceId, createBody(Priority.Urgent)))
                .hasMessageContaining("injected");
        assertThatThrownBy(() -> failing.ticketLifecycleService().changeStatus(instanceId, ticket.id(),
                statusBody("Closed"))).hasMessageContaining("injected");
        assertThatThrownBy(() -> failing.ticketLifecycleService().update(instanceId, ticket.id(),
                priorityBody(Priority.Urgent), OptionalLong.empty())).hasMessageContaining("injected");

        assertThat(itemCount(instanceId, Map.of())).hasValue(2);
        assertThat(itemCount(instanceId, Map.of("priority", "Medium"))).hasValue(2);
        assertThat(itemCount(instanceId, Map.of("priority", "Urgent"))).hasValue(0);
        assertThat(itemCount(instanceId, Map.of("status", "Open"))).hasValue(2);
    }

    @Test
    void itemCount_isAbsent_whereTheCountsCannotAnswer_andThePageDoesNotReachTheEnd() {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();
        for (int i = 0; i < 3; i++) {
            tickets.create(instanceId, createBody(Priority.Low));
        }

        for (Map<String, String> filter : List.of(Map.of("title", "ticket"), Map.of("search", "first"),
                Map.of("createdAfter", "2000-01-01"), Map.of("lastUpdateBefore", "2999-01-01"),
                Map.of("search", "ticket", "status", "Open"))) {
            Map<String, String> firstOfMany = new HashMap<>(filter);
            firstOfMany.put("limit", "1");
            Page<Ticket> page = list(instanceId, firstOfMany);
            assertThat(page.itemCount()).as("%s on a page of one", filter).isEmpty();
        }
        assertThat(list(instanceId, Map.of("title", "ticket", "limit", "10")).itemCount())
                .as("read to the end: known").hasValue(3);
        assertThat(list(instanceId, Map.of("tags", "2283653a-8d36-40eb-9a68-73eb3b331811_my tag", "limit", "1"))
                .itemCount()).as("no match at all: known").hasValue(0);
        assertThat(list(instanceId, Map.of("createdAfter", "2000-01-01", "limit", "2", "offset", "2")).itemCount())
                .as("an offset page read to the end").hasValue(3);
    }

    @Test
    void countsOfAnInstance_neverIncludeAnotherInstancesTickets() {
        String a = Fixtures.createDemoInstance(deps).instanceId();
        String b = Fixtures.createDemoInstance(deps).instanceId();
        for (int i = 0; i < 3; i++) {
            tickets.create(a, createBody(Priority.Urgent));
        }
        for (int i = 0; i < 5; i++) {
            Ticket ticket = tickets.create(b, createBody(Priority.Urgent));
            lifecycle.changeStatus(b, ticket.id(), statusBody("Closed"));
        }

        assertThat(itemCount(a, Map.of())).hasValue(3);
        assertThat(itemCount(a, Map.of("priority", "Urgent"))).hasValue(3);
        assertThat(itemCount(a, Map.of("status", "Closed"))).hasValue(0);
        assertThat(itemCount(b, Map.of())).hasValue(5);
        assertThat(itemCount(b, Map.of("status", "Closed"))).hasValue(5);
    }

    @Test
    void anInstanceWithoutEstablishedCounts_getsNoCount_unlessThePageReadsToTheEnd() {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();
        for (int i = 0; i < 3; i++) {
            tickets.create(instanceId, createBody(Priority.Low));
        }
        // As for an instance created before the counts existed: no READY item.
        deps.client().deleteItem(r -> r.tableName(table.tableName()).key(Map.of(
                "PK", AttributeValue.fromS("INSTANCE#" + instanceId),
                "SK", AttributeValue.fromS("TICKETCOUNT#READY"))));

        assertThat(itemCount(instanceId, Map.of())).isEmpty();
        assertThat(list(instanceId, Map.of("limit", "3")).itemCount()).hasValue(3);
    }

    /** itemCount of pages of one ticket, so that the counts answer and not a page that read every match. */
    private static void assertCountsMatchTheTickets(String instanceId) {
        List<Ticket> all = list(instanceId, Map.of("limit", "1000")).items();
        assertThat(itemCount(instanceId, Map.of())).hasValue(all.size());
        for (Status status : Status.values()) {
            assertThat(itemCount(instanceId, Map.of("status", status.name()))).as("%s", status)
                    .hasValue(count(all, t -> t.status() == status));
            for (Priority priority : Priority.values()) {
                assertThat(itemCount(instanceId, Map.of("status", status.name(), "priority", priority.name())))
                        .as("%s %s", status, priority)
                        .hasValue(count(all, t -> t.status() == status && t.priority() == priority));
            }
        }
        for (Priority priority : Priority.values()) {
            assertThat(itemCount(instanceId, Map.of("priority", priority.name()))).as("%s", priority)
                    .hasValue(count(all, t -> t.priority() == priority));
        }
        for (boolean resolved : List.of(true, false)) {
            assertThat(itemCount(instanceId, Map.of("isResolved", Boolean.toString(resolved))))
                    .hasValue(count(all, t -> StatusWorkflow.resolves(t.status()) == resolved));
        }
    }

    private static long count(List<Ticket> all, Predicate<Ticket> matches) {
        return all.stream().filter(matches).count();
    }

    private static OptionalLong itemCount(String instanceId, Map<String, String> params) {
        Map<String, String> onePerPage = new HashMap<>(params);
        onePerPage.put("limit", "1");
        return list(instanceId, onePerPage).itemCount();
    }

    private static Page<Ticket> list(String instanceId, Map<String, String> params) {
        return lists.list(TicketListParameters.parse(instanceId, name -> Optional.ofNullable(params.get(name)),
                Optional.empty()));
    }

    private static ObjectNode createBody(Priority priority) {
        ObjectNode body = Fixtures.referenceExampleJson("create-ticket-example-1.json").deepCopy();
        ((ObjectNode) body.get("ticket")).put("priority", priority.name());
        return body;
    }

    private static ObjectNode updateBody() {
        ObjectNode body = Json.object();
        body.putObject("updates");
        body.set("user", Fixtures.referenceExampleJson("update-ticket-example.json").get("user"));
        return body;
    }

    private static ObjectNode priorityBody(Priority priority) {
        ObjectNode body = updateBody();
        ((ObjectNode) body.get("updates")).put("priority", priority.name());
        return body;
    }

    private static ObjectNode statusBody(String status) {
        ObjectNode body = Json.object();
        body.put("status", status);
        body.set("user", Json.MAPPER.valueToTree(Map.of("id", "agent-1", "name", "Agent")));
        return body;
    }
}
