package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.error.FieldError;
import dev.ticketing.error.ValidationException;
import dev.ticketing.http.TicketJson;
import dev.ticketing.json.Json;
import dev.ticketing.model.Activity;
import dev.ticketing.model.ActivityType;
import dev.ticketing.model.Priority;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.User;
import dev.ticketing.model.TicketTag;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Assignment rules through the services, on the DynamoDB engine: set by the admin service, applied on create. */
@ExtendWith(DynamoDbEngine.class)
class AssignmentRulesIT {

    private static final String TOPIC = "2283653a-8d36-40eb-9a68-73eb3b331811";
    private static final String ALEX = "{\"id\": \"708edddc-xxxx-xxxx-xxxx-xxxxxxxxxxx\", \"text\": \"Alex Wilber\", "
            + "\"secondaryText\": \"AlexW@xxxxxxxx.com\"}";

    private static TestTable table;
    private static Dependencies deps;
    private static InstanceAdminService admin;
    private static TicketService tickets;

    @BeforeAll
    static void setUp(TestTable testTable) {
        table = testTable;
        deps = Fixtures.dependencies(testTable);
        admin = new InstanceAdminService(deps.instanceStore());
        tickets = deps.ticketService();
    }

    @Test
    void urgentRule_assignsANewUrgentTicket_inItsTransaction_andItsActivityNamesTheRule() throws Exception {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();
        admin.setRules(instanceId, Json.parse("{\"isAutomaticAssignTickets\": true, \"assigneeRules\": [{\"id\": "
                + "\"urgent-to-alex\", \"name\": \"Urgent tickets go to Alex\", \"conditions\": [{\"field\": "
                + "\"priority\", \"operator\": \"equals\", \"value\": \"Urgent\"}], \"actions\": {\"assignee\": "
                + ALEX + ", \"addTags\": [{\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"escalated\"}]}, "
                + "\"stopProcessing\": true}]}"));

        Ticket urgent = tickets.create(instanceId, body("Server room flooded", "Urgent", null));
        Ticket medium = tickets.create(instanceId, body("Mouse squeaks", "Medium", null));

        Ticket stored = tickets.get(instanceId, urgent.id());
        assertThat(stored.assignee().name()).isEqualTo("Alex Wilber");
        assertThat(stored.assignee().email()).isEqualTo("AlexW@xxxxxxxx.com");
        assertThat(stored.tags()).containsExactly(new TicketTag(TOPIC, "escalated"));
        assertThat(deps.instanceStore().tagCategories(instanceId).get(0).tag("escalated")).isPresent();
        assertThat(tickets.get(instanceId, medium.id()).assignee()).isNull();

        List<Activity> history = history(instanceId, urgent);
        assertThat(history).extracting(Activity::type).containsExactly(ActivityType.created, ActivityType.update);
        Activity automation = history.get(1);
        assertThat(automation.user()).isEqualTo(User.AUTOMATION);
        JsonNode rendered = TicketJson.activity(automation, ZoneOffset.UTC, false);
        assertThat(rendered.at("/user/id").asText()).isEqualTo("system:automation");
        assertThat(rendered.at("/rules/0/id").asText()).isEqualTo("urgent-to-alex");
        assertThat(rendered.at("/rules/0/name").asText()).isEqualTo("Urgent tickets go to Alex");
        Map<String, JsonNode> changes = new HashMap<>();
        rendered.path("changes").forEach(c -> changes.put(c.path("name").asText(), c));
        assertThat(changes).containsOnlyKeys("assignee", "tags");
        assertThat(changes.get("assignee").path("oldValue").isNull()).isTrue();
        assertThat(changes.get("assignee").at("/newValue/name").asText()).isEqualTo("Alex Wilber");
        assertThat(history(instanceId, medium)).extracting(Activity::type).containsExactly(ActivityType.created);
    }

    @Test
    void explicitAssignee_winsOverTheRule_andPrioritySetByARuleIsCounted() throws Exception {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();
        admin.setRules(instanceId, Json.parse("{\"isAutomaticAssignTickets\": true, \"defaultRuleAssignee\": [{\"id\": "
                + "\"default\", \"name\": \"Everything to Alex, Important\", \"actions\": {\"assignee\": " + ALEX
                + ", \"priority\": \"Important\"}}]}"));

        Ticket ticket = tickets.create(instanceId, body("Chosen one", "Low",
                "{\"id\": \"u-9\", \"name\": \"Chosen\", \"email\": \"chosen@example.com\"}"));

        assertThat(ticket.assignee().id()).isEqualTo("u-9");
        assertThat(ticket.priority()).isEqualTo(Priority.Important);
        JsonNode details = history(instanceId, ticket).get(1).details();
        assertThat(details.path("assigneeFromRequest").asBoolean()).isTrue();
        assertThat(details.at("/changes/0/name").asText()).isEqualTo("priority");
    }

    @Test
    void setRules_refusesInvalidRules_namingThePath_andChangesNothing() throws Exception {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();

        assertThatThrownBy(() -> admin.setRules(instanceId, Json.parse("{\"assigneeRules\": [{\"id\": \"a\", "
                + "\"actions\": {\"priority\": \"Low\"}}, {\"id\": \"b\", \"conditions\": [{\"field\": \"priority\", "
                + "\"operator\": \"like\", \"value\": \"Low\"}], \"actions\": {\"assignee\": {\"id\": "
                + "\"nobody\"}}}]}")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.details())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("assigneeRules[1].conditions[0].operator",
                                "assigneeRules[1].actions.assignee.id"));
        assertThat(deps.instanceStore().find(instanceId).orElseThrow().assigneeRules()).isEmpty();
    }

    @Test
    void roundRobin_spreadsConcurrentCreatesExactlyEvenly_withNoTurnTakenTwice() throws Exception {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();
        ObjectNode definition = Json.MAPPER.valueToTree(deps.instanceStore().find(instanceId).orElseThrow());
        admin.replaceDefinition(instanceId, definition.set("assignees", Json.parse("{\"type\": \"customAssignee\", "
                + "\"peoples\": [{\"id\": \"p1\", \"text\": \"Pat One\"}, {\"id\": \"p2\", \"text\": \"Pat Two\"}, "
                + "{\"id\": \"p3\", \"text\": \"Pat Three\"}]}")));
        admin.setRules(instanceId, Json.parse("{\"isAutomaticAssignTickets\": true, \"assigneeRules\": [{\"id\": "
                + "\"rr\", \"name\": \"Take turns\", \"actions\": {\"assign\": \"roundRobin\"}}]}"));
        int creates = 30;
        ExecutorService pool = Executors.newFixedThreadPool(creates);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Ticket>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < creates; i++) {
                JsonNode body = body("Concurrent " + i, "Medium", null);
                Callable<Ticket> create = () -> {
                    start.await();
                    return tickets.create(instanceId, body);
                };
                futures.add(pool.submit(create));
            }
            start.countDown();
            List<Ticket> created = new ArrayList<>();
            for (Future<Ticket> future : futures) {
                created.add(future.get());
            }

            Map<String, Long> perPerson = created.stream()
                    .collect(Collectors.groupingBy(t -> tickets.get(instanceId, t.id()).assignee().id(),
                            Collectors.counting()));
            assertThat(perPerson).containsOnly(Map.entry("p1", 10L), Map.entry("p2", 10L), Map.entry("p3", 10L));
            Set<Long> numbers = created.stream().map(Ticket::ticketId).collect(Collectors.toSet());
            assertThat(numbers).hasSize(creates);
            // Each committed ticket moved the counter by exactly one from the turn it read: 30 turns, none twice.
            Map<String, AttributeValue> counter = table.client().getItem(r -> r.tableName(table.tableName())
                    .key(Map.of("PK", AttributeValue.fromS("INSTANCE#" + instanceId),
                            "SK", AttributeValue.fromS("ROUNDROBIN#rr"))).consistentRead(true)).item();
            assertThat(counter.get("turn").n()).isEqualTo(Integer.toString(creates));
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Activity> history(String instanceId, Ticket ticket) {
        return deps.ticketLifecycleService().activities(instanceId, ticket.id(), PageRequest.first(50), true)
                .items();
    }

    private static JsonNode body(String title, String priority, String assignee) throws Exception {
        return Json.parse("{\"ticket\": {\"title\": \"" + title + "\", \"priority\": \"" + priority + "\", "
                + "\"requestor\": {\"id\": \"r1\", \"name\": \"Jane Roe\", \"email\": \"jane@example.com\"}"
                + (assignee == null ? "" : ", \"assignee\": " + assignee) + "}, \"user\": {\"id\": \"r1\", "
                + "\"name\": \"Jane Roe\"}}");
    }
}
