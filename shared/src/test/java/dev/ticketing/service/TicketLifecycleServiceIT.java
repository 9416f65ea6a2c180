package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.config.Config;
import dev.ticketing.error.ConflictException;
import dev.ticketing.error.PreconditionFailedException;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.Json;
import dev.ticketing.model.Activity;
import dev.ticketing.model.ActivityType;
import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.model.Ticket;
import dev.ticketing.store.Page;
import dev.ticketing.testing.FailTransactions;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbEngine.class)
class TicketLifecycleServiceIT {

    private static final int WRITERS = 20;

    private static TestTable table;
    private static Dependencies deps;
    private static TicketService tickets;
    private static TicketLifecycleService lifecycle;
    private static String instanceId;
    private static List<String> extraFieldIds;
    private static ExecutorService pool;

    @BeforeAll
    static void createInstance(TestTable testTable) {
        table = testTable;
        deps = new Dependencies(config(), table.newClient());
        tickets = deps.ticketService();
        lifecycle = deps.ticketLifecycleService();
        ObjectNode definition = Fixtures.demoDefinition();
        definition.put("id", UUID.randomUUID().toString());
        // Twenty extra text fields, so twenty concurrent writers can each change a field of their own.
        extraFieldIds = new ArrayList<>();
        ArrayNode fields = (ArrayNode) definition.get("customFields");
        for (int i = 0; i < WRITERS; i++) {
            String id = UUID.randomUUID().toString();
            extraFieldIds.add(id);
            fields.addObject().put("id", id).put("name", "Note " + i).put("type", "textField")
                    .put("required", false).put("deleted", false);
        }
        instanceId = new InstanceAdminService(deps.instanceStore())
                .create(definition, java.util.Optional.empty(), null).instanceId();
        pool = Executors.newFixedThreadPool(WRITERS);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void update_acceptsReferenceExample_andRecordsEachChangedFieldsOldAndNewValue() {
        Ticket before = newTicket();

        Ticket after = lifecycle.update(instanceId, Long.toString(before.ticketId()),
                Fixtures.referenceExampleJson("update-ticket-example.json"), OptionalLong.empty());

        assertThat(after.title()).isEqualTo("My 2nd ticket");
        assertThat(after.priority()).isEqualTo(Priority.Urgent);
        assertThat(after.assignee().name()).isEqualTo("Alex Wilber");
        assertThat(after.customFields().get("dcd58c80-xxxx-xxxx-xxxx-xxxxxxxxxxxxxxx").get(0).get("name").asText())
                .isEqualTo("Allan Deyoung");
        assertThat(after.lastUpdatedBy().email()).isEqualTo("jason.doe@wwwwwww.com");
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(tickets.get(instanceId, before.id())).isEqualTo(after);

        Activity update = lastActivity(before);
        assertThat(update.type()).isEqualTo(ActivityType.update);
        JsonNode changes = update.details().get("changes");
        assertThat(fieldsOf(changes)).containsExactlyInAnyOrder("title", "requestor", "assignee", "priority",
                "customFields.dcd58c80-xxxx-xxxx-xxxx-xxxxxxxxxxxxxxx");
        assertThat(change(changes, "title").get("oldValue").asText()).isEqualTo("My first ticket");
        assertThat(change(changes, "title").get("newValue").asText()).isEqualTo("My 2nd ticket");
        assertThat(change(changes, "assignee").get("oldValue").isNull()).isTrue();
    }

    @Test
    void update_clearsAssigneeAndExpectedDate_andRemovesACustomField_whenSentNull() {
        Ticket ticket = tickets.create(instanceId, Fixtures.referenceExampleJson("create-ticket-example-2.json"));
        ObjectNode body = updateBody();
        ObjectNode updates = (ObjectNode) body.get("updates");
        updates.putNull("assignee");
        updates.putNull("expectedDate");
        updates.putObject("customFields").putNull("7670050a-cf1a-4d3d-8179-5eba888dea5f");

        Ticket after = lifecycle.update(instanceId, ticket.id(), body, OptionalLong.empty());

        assertThat(after.assignee()).isNull();
        assertThat(after.expectedDate()).isNull();
        assertThat(after.customFields().has("7670050a-cf1a-4d3d-8179-5eba888dea5f")).isFalse();
        assertThat(after.customFields().has("146db0c4-de24-4818-a131-a27161bb7ad0")).isTrue();
    }

    @Test
    void update_rejectsInvalidFields_andStatus_namingEachOne() {
        Ticket ticket = newTicket();
        ObjectNode body = updateBody();
        ObjectNode updates = (ObjectNode) body.get("updates");
        updates.put("title", " ");
        updates.put("priority", "Critical");
        updates.put("status", "Closed");

        assertThatThrownBy(() -> lifecycle.update(instanceId, ticket.id(), body, OptionalLong.empty()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.details())
                        .extracting(d -> d.field()).contains("updates.title", "updates.priority", "updates.status"));
        assertThat(tickets.get(instanceId, ticket.id())).isEqualTo(ticket);
    }

    @Test
    void update_withStaleIfMatch_answers412_andChangesNothing() {
        Ticket ticket = newTicket();

        assertThatThrownBy(() -> lifecycle.update(instanceId, ticket.id(), titleChange(),
                OptionalLong.of(ticket.version() + 7))).isInstanceOf(PreconditionFailedException.class);

        assertThat(tickets.get(instanceId, ticket.id())).isEqualTo(ticket);
        Ticket updated = lifecycle.update(instanceId, ticket.id(), titleChange(), OptionalLong.of(ticket.version()));
        assertThat(updated.version()).isEqualTo(ticket.version() + 1);
    }

    @Test
    void update_keepsEveryChange_when20WritersChangeDifferentFieldsConcurrently() throws Exception {
        Ticket ticket = newTicket();
        List<Callable<Ticket>> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String fieldId = extraFieldIds.get(i);
            String value = "value " + i;
            writers.add(() -> {
                ObjectNode body = updateBody();
                ((ObjectNode) body.get("updates")).putObject("customFields").put(fieldId, value);
                return lifecycle.update(instanceId, ticket.id(), body, OptionalLong.empty());
            });
        }

        for (Future<Ticket> done : pool.invokeAll(writers)) {
            done.get();
        }

        Ticket after = tickets.get(instanceId, ticket.id());
        for (int i = 0; i < WRITERS; i++) {
            assertThat(after.customFields().get(extraFieldIds.get(i)).asText()).isEqualTo("value " + i);
        }
        assertThat(after.version()).isEqualTo(ticket.version() + WRITERS);
        assertThat(allActivities(ticket)).filteredOn(a -> a.type() == ActivityType.update).hasSize(WRITERS);
    }

    @Test
    void changeStatus_acceptsReferenceExample_andMaintainsResolutionBookkeeping() {
        Ticket ticket = newTicket();

        Ticket resolved = lifecycle.changeStatus(instanceId, ticket.id(),
                Fixtures.referenceExampleJson("status-example.json"));

        assertThat(resolved.status()).isEqualTo(Status.Resolved);
        assertThat(resolved.resolution()).isEqualTo("fixed");
        assertThat(resolved.lastResolutionComment()).isEqualTo("Great job!");
        assertThat(resolved.firstResolutionOn()).isNotNull();
        assertThat(resolved.lastResolutionOn()).isEqualTo(resolved.firstResolutionOn());
        // The example's user is not the requestor, so this is the ticket's first response.
        assertThat(resolved.firstResponseOn()).isEqualTo(resolved.lastResolutionOn());
        assertThat(resolved.lastInteraction()).isEqualTo(resolved.lastResolutionOn());
        Activity change = lastActivity(ticket);
        assertThat(change.type()).isEqualTo(ActivityType.statusChange);
        assertThat(change.details().get("from").asText()).isEqualTo("Open");
        assertThat(change.details().get("to").asText()).isEqualTo("Resolved");
        assertThat(change.details().get("resolution").asText()).isEqualTo("fixed");
        assertThat(change.details().get("comment").asText()).isEqualTo("Great job!");

        Ticket reopened = lifecycle.changeStatus(instanceId, ticket.id(), statusBody("Reopened"));
        assertThat(reopened.resolution()).isNull();
        assertThat(reopened.firstResolutionOn()).isEqualTo(resolved.firstResolutionOn());
        Ticket closed = lifecycle.changeStatus(instanceId, ticket.id(), statusBody(" Closed"));
        assertThat(closed.status()).isEqualTo(Status.Closed);
        assertThat(closed.firstResolutionOn()).isEqualTo(resolved.firstResolutionOn());
        assertThat(closed.lastResolutionOn()).isAfterOrEqualTo(resolved.lastResolutionOn());
    }

    @Test
    void changeStatus_answers409NamingTheCurrentStatus_forAForbiddenTransition() {
        Ticket ticket = newTicket();
        lifecycle.changeStatus(instanceId, ticket.id(), statusBody("Closed"));

        assertThatThrownBy(() -> lifecycle.changeStatus(instanceId, ticket.id(), statusBody("Open")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("is Closed")
                .hasMessageContaining("Reopened");
        assertThat(allActivities(ticket)).filteredOn(a -> a.type() == ActivityType.statusChange).hasSize(1);
    }

    @Test
    void changeStatus_recordsExactlyOneActivityPerAcceptedChange_under20ConcurrentChanges() throws Exception {
        Ticket ticket = newTicket();
        String[] targets = {"Started", "Resolved", "Closed", "Reopened"};
        List<Callable<Boolean>> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String target = targets[i % targets.length];
            writers.add(() -> {
                try {
                    lifecycle.changeStatus(instanceId, ticket.id(), statusBody(target));
                    return true;
                } catch (ConflictException rejected) {
                    return false;
                }
            });
        }

        int accepted = 0;
        for (Future<Boolean> done : pool.invokeAll(writers)) {
            accepted += done.get() ? 1 : 0;
        }

        List<Activity> changes = allActivities(ticket).stream()
                .filter(a -> a.type() == ActivityType.statusChange).toList();
        assertThat(accepted).isPositive();
        assertThat(changes).hasSize(accepted);
        // The recorded changes form one unbroken chain from Open to the status the ticket ends with.
        String status = "Open";
        for (Activity change : changes) {
            assertThat(change.details().get("from").asText()).isEqualTo(status);
            status = change.details().get("to").asText();
        }
        Ticket after = tickets.get(instanceId, ticket.id());
        assertThat(after.status().name()).isEqualTo(status);
        assertThat(after.version()).isEqualTo(ticket.version() + accepted);
    }

    @Test
    void addComment_acceptsReferenceExample_andSetsFirstResponseOnlyForSomeoneOtherThanTheRequestor() {
        Ticket ticket = newTicket();
        ObjectNode byRequestor = Json.object();
        byRequestor.put("comment", "any news?");
        byRequestor.set("user", Json.MAPPER.valueToTree(Map.of("id", ticket.requestor().id())));

        lifecycle.addComment(instanceId, ticket.id(), byRequestor);
        assertThat(tickets.get(instanceId, ticket.id()).firstResponseOn()).isNull();

        ObjectNode byAgent = (ObjectNode) Fixtures.referenceExampleJson("comment-example.json");
        ((ObjectNode) byAgent.get("user")).put("id", "agent-1");
        Activity comment = lifecycle.addComment(instanceId, ticket.id(), byAgent);

        assertThat(comment.type()).isEqualTo(ActivityType.comment);
        assertThat(comment.details().get("comment").asText()).isEqualTo("comment from API");
        Ticket after = tickets.get(instanceId, ticket.id());
        assertThat(after.firstResponseOn()).isEqualTo(comment.createdOn());
        assertThat(after.lastInteraction()).isEqualTo(comment.createdOn());
        assertThat(lastActivity(ticket)).isEqualTo(comment);
    }

    @Test
    void addComment_rejectsAnEmptyOrOverlongComment() {
        Ticket ticket = newTicket();
        ObjectNode body = (ObjectNode) Fixtures.referenceExampleJson("comment-example.json");
        body.put("comment", "  ");
        assertThatThrownBy(() -> lifecycle.addComment(instanceId, ticket.id(), body))
                .isInstanceOf(ValidationException.class).hasMessageContaining("comment: must not be blank");
        body.put("comment", "x".repeat(TicketRequests.MAX_COMMENT_LENGTH + 1));
        assertThatThrownBy(() -> lifecycle.addComment(instanceId, ticket.id(), body))
                .isInstanceOf(ValidationException.class).hasMessageContaining("comment: must be at most");
    }

    @Test
    void activities_pageOldestFirst_withoutRepeatsOrGaps_andRejectAnotherTicketsToken() {
        Ticket ticket = newTicket();
        for (int i = 0; i < 24; i++) {
            ObjectNode body = (ObjectNode) Fixtures.referenceExampleJson("comment-example.json");
            body.put("comment", "comment " + i);
            lifecycle.addComment(instanceId, ticket.id(), body);
        }

        Page<Activity> first = lifecycle.activities(instanceId, ticket.id(), PageRequest.first(10), true);
        Page<Activity> second = lifecycle.activities(instanceId, ticket.id(), next(first), true);
        Page<Activity> third = lifecycle.activities(instanceId, ticket.id(), next(second), true);

        List<Activity> all = new ArrayList<>(first.items());
        all.addAll(second.items());
        all.addAll(third.items());
        assertThat(third.continuationToken()).isEmpty();
        assertThat(all).hasSize(25).doesNotHaveDuplicates();
        assertThat(all.get(0).type()).isEqualTo(ActivityType.created);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).details().get("comment").asText()).isEqualTo("comment " + (i - 1));
        }
        Ticket other = newTicket();
        assertThatThrownBy(() -> lifecycle.activities(instanceId, other.id(), next(first), true))
                .isInstanceOf(ValidationException.class).hasMessageContaining("continuationToken");
    }

    @Test
    void aFailureBetweenBuildingAndCommittingTheTransaction_leavesNoPartialWrite() {
        Ticket ticket = newTicket();
        Dependencies failing = new Dependencies(config(), table.newClient(new FailTransactions()));
        TicketLifecycleService broken = failing.ticketLifecycleService();

        assertThatThrownBy(() -> broken.update(instanceId, ticket.id(), titleChange(), OptionalLong.empty()))
                .hasMessageContaining("injected");
        assertThatThrownBy(() -> broken.changeStatus(instanceId, ticket.id(), statusBody("Started")))
                .hasMessageContaining("injected");
        assertThatThrownBy(() -> broken.addComment(instanceId, ticket.id(),
                Fixtures.referenceExampleJson("comment-example.json"))).hasMessageContaining("injected");

        assertThat(tickets.get(instanceId, ticket.id())).isEqualTo(ticket);
        assertThat(allActivities(ticket)).extracting(Activity::type).containsExactly(ActivityType.created);
    }

    private static Config config() {
        return Fixtures.testConfig(table);
    }

    private static Ticket newTicket() {
        return tickets.create(instanceId, Fixtures.referenceExampleJson("create-ticket-example-1.json"));
    }

    private static ObjectNode updateBody() {
        ObjectNode body = Json.object();
        body.putObject("updates");
        body.set("user", Fixtures.referenceExampleJson("update-ticket-example.json").get("user"));
        return body;
    }

    private static ObjectNode titleChange() {
        ObjectNode body = updateBody();
        ((ObjectNode) body.get("updates")).put("title", "Changed title");
        return body;
    }

    private static ObjectNode statusBody(String status) {
        ObjectNode body = Json.object();
        body.put("status", status);
        body.set("user", Json.MAPPER.valueToTree(Map.of("id", "agent-1", "name", "Agent")));
        return body;
    }

    private static List<Activity> allActivities(Ticket ticket) {
        List<Activity> all = new ArrayList<>();
        String token = null;
        do {
            Page<Activity> page = lifecycle.activities(instanceId, ticket.id(),
                    new PageRequest(1000, Optional.ofNullable(token)), true);
            all.addAll(page.items());
            token = page.continuationToken().orElse(null);
        } while (token != null);
        return all;
    }

    private static Activity lastActivity(Ticket ticket) {
        List<Activity> all = allActivities(ticket);
        return all.get(all.size() - 1);
    }

    private static Set<String> fieldsOf(JsonNode changes) {
        Set<String> fields = new HashSet<>();
        changes.forEach(c -> fields.add(c.get("name").asText()));
        return fields;
    }

    private static JsonNode change(JsonNode changes, String field) {
        for (JsonNode c : changes) {
            if (c.get("name").asText().equals(field)) {
                return c;
            }
        }
        throw new AssertionError("no change of " + field + " in " + changes);
    }

    private static PageRequest next(Page<Activity> page) {
        return new PageRequest(10, page.continuationToken());
    }
}
