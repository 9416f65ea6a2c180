package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.model.Activity;
import dev.ticketing.model.ActivityType;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.User;
import dev.ticketing.store.dynamodb.DynamoDbTicketTimers;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testing.SettableClock;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service-level targets and the scheduled automation on the engine: targets set from the policy, a run that
 * escalates what passed unmet and reassigns idle tickets, through the timers index, once. Each test has its own
 * instance and its own point in time, before every earlier test's (runs act on every instance's due tickets).
 */
@ExtendWith(DynamoDbEngine.class)
class ScheduledAutomationIT {

    private static final User AGENT = new User("agent-1", "Ada Agent", "ada@helpdesk.example");
    private static final User IDLE_OWNER = new User("p-idle", "Ines Idle", "ines@helpdesk.example");

    private static TestTable table;
    private static Dependencies deps;
    private static long epoch = 0;

    private SettableClock clock;
    private TicketService tickets;
    private TicketLifecycleService lifecycle;
    private ScheduledAutomation automation;
    private String instanceId;
    private Instant start;

    @BeforeEach
    void instanceWithAPolicy(TestTable testTable) {
        if (deps == null) {
            table = testTable;
            deps = new Dependencies(Fixtures.testConfig(table), table.newClient());
        }
        // Each test a year before the one before it: a run finds nothing due of an earlier test's tickets, whose
        // timers all lie later.
        start = Instant.parse("2090-01-01T09:00:00Z").minus(Duration.ofDays(400 * ++epoch));
        clock = new SettableClock(start);
        tickets = new TicketService(deps.ticketStore(), deps.instanceStore(), clock);
        lifecycle = new TicketLifecycleService(deps.ticketStore(), deps.instanceStore(), clock);
        automation = new ScheduledAutomation(deps.ticketStore(), deps.instanceStore(),
                new DynamoDbTicketTimers(table.client(), table.tableName()), clock, ScheduledAutomation.RUN_BUDGET);
        ObjectNode definition = Fixtures.demoDefinition();
        definition.put("id", UUID.randomUUID().toString());
        ObjectNode sla = definition.putObject("sla").put("enabled", true);
        sla.putArray("rules")
                .add(Json.object().put("priority", "Urgent").put("firstResponseHours", 1).put("resolutionHours", 4))
                .add(Json.object().put("priority", "Low").put("firstResponseHours", 8));
        definition.put("isAutoAssignIdleTickets", true);
        definition.put("dayBeforeTicketsIdle", 2);
        definition.putArray("idleTicketAssignedTo").addObject().put("id", IDLE_OWNER.id())
                .put("text", IDLE_OWNER.name()).put("secondaryText", IDLE_OWNER.email());
        instanceId = new InstanceAdminService(deps.instanceStore()).create(definition, Optional.empty(), null)
                .instanceId();
    }

    @Test
    void aNewTicket_getsTheTargetsOfItsPriority_fromItsCreation() {
        Ticket urgent = create("Urgent");
        Ticket low = create("Low");
        Ticket medium = create("Medium");

        assertThat(urgent.frtDueOn()).isEqualTo(start.plus(Duration.ofHours(1)));
        assertThat(urgent.rtDueOn()).isEqualTo(start.plus(Duration.ofHours(4)));
        assertThat(low.frtDueOn()).isEqualTo(start.plus(Duration.ofHours(8)));
        assertThat(low.rtDueOn()).as("Low has no resolution target").isNull();
        assertThat(medium.frtDueOn()).as("Medium has no rule").isNull();
        assertThat(urgent.idleDueOn()).isEqualTo(start.plus(Duration.ofDays(2)));
    }

    @Test
    void aMissedFirstResponse_isEscalatedByTheRunAfterItsTarget_once_andRecordedAsTheAutomations() {
        Ticket ticket = create("Urgent");

        clock.set(start.plus(Duration.ofMinutes(59)));
        assertThat(automation.run().escalations()).as("before the target").isZero();
        clock.set(start.plus(Duration.ofMinutes(61)));
        ScheduledAutomation.Run run = automation.run();
        ScheduledAutomation.Run again = automation.run();

        assertThat(run.escalations()).isEqualTo(1);
        assertThat(again.escalations()).as("a repeated run").isZero();
        Ticket escalated = reread(ticket);
        assertThat(escalated.isFrtEscalated()).isTrue();
        assertThat(escalated.isRtEscalated()).isFalse();
        assertThat(escalated.lastUpdatedBy()).isEqualTo(User.AUTOMATION);
        List<Activity> escalations = activities(ticket, ActivityType.escalation);
        assertThat(escalations).hasSize(1);
        assertThat(escalations.get(0).user()).isEqualTo(User.AUTOMATION);
        assertThat(escalations.get(0).details().path("target").asText()).isEqualTo("firstResponse");
        assertThat(escalations.get(0).details().at("/changes/0/name").asText()).isEqualTo("isFrtEscalated");
    }

    @Test
    void aCommentByTheAgent_isTheFirstResponse_andStopsThatTarget_butNotTheResolutionTarget() {
        Ticket ticket = create("Urgent");
        clock.set(start.plus(Duration.ofMinutes(10)));
        lifecycle.addComment(instanceId, id(ticket), comment(AGENT));

        clock.set(start.plus(Duration.ofHours(5)));
        ScheduledAutomation.Run run = automation.run();

        Ticket after = reread(ticket);
        assertThat(after.firstResponseOn()).isEqualTo(start.plus(Duration.ofMinutes(10)));
        assertThat(after.isFrtEscalated()).isFalse();
        assertThat(after.isRtEscalated()).as("still unresolved after 4 hours").isTrue();
        assertThat(run.escalations()).isEqualTo(1);
    }

    @Test
    void aCommentByTheRequestor_isNotAResponse() {
        Ticket ticket = create("Urgent");
        clock.set(start.plus(Duration.ofMinutes(10)));
        lifecycle.addComment(instanceId, id(ticket), comment(ticket.requestor()));

        assertThat(reread(ticket).firstResponseOn()).isNull();
    }

    @Test
    void aStatusChangeToStarted_isTheFirstResponse_whoeverMakesIt() {
        Ticket ticket = create("Urgent");
        clock.set(start.plus(Duration.ofMinutes(5)));
        ObjectNode body = Json.object().put("status", "Started");
        body.set("user", Json.MAPPER.valueToTree(ticket.requestor()));
        lifecycle.changeStatus(instanceId, id(ticket), body);

        assertThat(reread(ticket).firstResponseOn()).isEqualTo(start.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aResponseAfterTheTarget_marksTheTicketEscalatedAtOnce_withoutWaitingForARun() {
        Ticket ticket = create("Urgent");
        clock.set(start.plus(Duration.ofMinutes(90)));

        lifecycle.addComment(instanceId, id(ticket), comment(AGENT));

        assertThat(reread(ticket).isFrtEscalated()).isTrue();
    }

    @Test
    void aResolutionBeforeTheTarget_stopsIt_andAReopenStartsItAgainFromTheReopening() {
        Ticket ticket = create("Urgent");
        clock.set(start.plus(Duration.ofHours(1).minusMinutes(1)));
        lifecycle.changeStatus(instanceId, id(ticket), status("Resolved"));
        clock.set(start.plus(Duration.ofHours(10)));
        assertThat(automation.run().escalations()).isZero();

        lifecycle.changeStatus(instanceId, id(ticket), status("Reopened"));

        Ticket reopened = reread(ticket);
        assertThat(reopened.isRtEscalated()).isFalse();
        assertThat(reopened.rtDueOn()).isEqualTo(start.plus(Duration.ofHours(14)));
        clock.set(start.plus(Duration.ofHours(14)).plusSeconds(1));
        assertThat(automation.run().escalations()).isEqualTo(1);
        assertThat(reread(ticket).isRtEscalated()).isTrue();
    }

    @Test
    void aPriorityChange_setsTheTargetsOfTheNewPriority_fromTheCreation() {
        Ticket ticket = create("Medium");
        clock.set(start.plus(Duration.ofMinutes(20)));

        lifecycle.update(instanceId, id(ticket), update("priority", "Urgent"), OptionalLong.empty());

        Ticket urgent = reread(ticket);
        assertThat(urgent.frtDueOn()).isEqualTo(start.plus(Duration.ofHours(1)));
        assertThat(urgent.rtDueOn()).isEqualTo(start.plus(Duration.ofHours(4)));
    }

    @Test
    void anIdleTicket_isReassignedOnce_afterTheIdleDays_andAPersonsActionStartsTheTimerAgain() {
        Ticket ticket = create("Medium");

        clock.set(start.plus(Duration.ofDays(2)).minusSeconds(1));
        assertThat(automation.run().idle()).isZero();
        clock.set(start.plus(Duration.ofDays(2)).plusSeconds(1));
        ScheduledAutomation.Run run = automation.run();
        clock.set(start.plus(Duration.ofDays(9)));
        ScheduledAutomation.Run later = automation.run();

        assertThat(run.reassigned()).isEqualTo(1);
        assertThat(later.idle()).as("idle again, but nobody acted since: not twice").isZero();
        Ticket reassigned = reread(ticket);
        assertThat(reassigned.assignee()).isEqualTo(IDLE_OWNER);
        assertThat(reassigned.idleDueOn()).isNull();
        List<Activity> idle = activities(ticket, ActivityType.idle);
        assertThat(idle).hasSize(1);
        assertThat(idle.get(0).details().at("/changes/0/newValue/email").asText()).isEqualTo(IDLE_OWNER.email());

        lifecycle.addComment(instanceId, id(ticket), comment(AGENT));
        assertThat(reread(ticket).idleDueOn()).isEqualTo(start.plus(Duration.ofDays(11)));
    }

    @Test
    void overlappingRuns_changeEachDueTicketOnce() throws Exception {
        List<Ticket> created = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            created.add(create("Urgent"));
        }
        clock.set(start.plus(Duration.ofMinutes(61)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ScheduledAutomation.Run>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(automation::run);
            }
            int escalations = 0;
            for (Future<ScheduledAutomation.Run> run : pool.invokeAll(runs)) {
                escalations += run.get().escalations();
            }

            assertThat(escalations).isEqualTo(created.size());
        } finally {
            pool.shutdownNow();
        }
        for (Ticket ticket : created) {
            assertThat(activities(ticket, ActivityType.escalation)).as("ticket %d", ticket.ticketId()).hasSize(1);
        }
    }

    @Test
    void aRun_readsOnlyTheDueTickets_notTheOthers() {
        for (int i = 0; i < 30; i++) {
            create("Medium");
        }
        List<Ticket> due = List.of(create("Urgent"), create("Urgent"), create("Urgent"));
        clock.set(start.plus(Duration.ofMinutes(61)));

        ScheduledAutomation.Run run = automation.run();

        assertThat(run.dueRead()).isEqualTo(due.size());
        assertThat(run.escalations()).isEqualTo(due.size());
    }

    @Test
    void aDisabledPolicy_setsNoTargets() {
        ObjectNode sla = Json.object().put("enabled", false);
        sla.putArray("rules").add(Json.object().put("priority", "Urgent").put("firstResponseHours", 1));
        new InstanceAdminService(deps.instanceStore()).setSla(instanceId, sla);

        Ticket ticket = create("Urgent");

        assertThat(ticket.frtDueOn()).isNull();
        assertThat(ticket.rtDueOn()).isNull();
    }

    private Ticket create(String priority) {
        ObjectNode body = (ObjectNode) Fixtures.referenceExampleJson("create-ticket-example-1.json");
        ((ObjectNode) body.get("ticket")).put("priority", priority);
        return tickets.create(instanceId, body);
    }

    private Ticket reread(Ticket ticket) {
        return tickets.get(instanceId, id(ticket));
    }

    private List<Activity> activities(Ticket ticket, ActivityType type) {
        return lifecycle.activities(instanceId, id(ticket), new PageRequest(100, Optional.empty()), true).items()
                .stream().filter(a -> a.type() == type).toList();
    }

    private static String id(Ticket ticket) {
        return Long.toString(ticket.ticketId());
    }

    private static JsonNode comment(User by) {
        ObjectNode body = Json.object().put("comment", "Looking into it");
        body.set("user", Json.MAPPER.valueToTree(by));
        return body;
    }

    private static JsonNode status(String status) {
        ObjectNode body = Json.object().put("status", status);
        body.set("user", Json.MAPPER.valueToTree(AGENT));
        return body;
    }

    private static JsonNode update(String field, String value) {
        ObjectNode body = Json.object();
        body.putObject("updates").put(field, value);
        body.set("user", Json.MAPPER.valueToTree(AGENT));
        return body;
    }
}
