package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.error.ForbiddenException;
import dev.ticketing.error.NotFoundException;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.Json;
import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.TicketTag;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynamoDbEngine.class)
class TicketServiceIT {

    private static TestTable table;
    private static Dependencies deps;
    private static TicketService service;
    private static String instanceId;

    @BeforeAll
    static void createInstance(TestTable testTable) {
        table = testTable;
        deps = Fixtures.dependencies(testTable);
        service = deps.ticketService();
        instanceId = Fixtures.createDemoInstance(deps).instanceId();
    }

    @Test
    void create_acceptsReferenceExample1_andStartsOpenWithDefaults() {
        Ticket ticket = service.create(instanceId, Fixtures.referenceExampleJson("create-ticket-example-1.json"));

        assertThat(ticket.title()).isEqualTo("My first ticket");
        assertThat(ticket.status()).isEqualTo(Status.Open);
        assertThat(ticket.priority()).isEqualTo(Priority.Medium);
        assertThat(ticket.requestor().email()).isEqualTo("john.doe@teamswork.app");
        assertThat(ticket.createdBy().email()).isEqualTo("jason.doe@teamswork.app");
        assertThat(ticket.id()).matches("[0-9a-f-]{36}");
        assertThat(ticket.ticketId()).isPositive();
        assertThat(service.get(instanceId, Long.toString(ticket.ticketId()))).isEqualTo(ticket);
        assertThat(service.get(instanceId, ticket.id())).isEqualTo(ticket);
    }

    @Test
    void create_acceptsReferenceExample2_withAllSevenCustomFieldTypesAndTags() {
        Ticket ticket = service.create(instanceId, Fixtures.referenceExampleJson("create-ticket-example-2.json"));

        Ticket stored = service.get(instanceId, ticket.id());
        assertThat(stored).isEqualTo(ticket);
        assertThat(stored.priority()).isEqualTo(Priority.Urgent);
        assertThat(stored.assignee().name()).isEqualTo("Alex Wilber");
        assertThat(stored.expectedDate()).hasToString("2023-07-26T17:00:00Z");
        assertThat(stored.tags()).containsExactly(
                new TicketTag("2283653a-8d36-40eb-9a68-73eb3b331811", "sdsad"),
                new TicketTag("2283653a-8d36-40eb-9a68-73eb3b331811", "my tag"));
        JsonNode fields = stored.customFields();
        assertThat(fields.get("146db0c4-de24-4818-a131-a27161bb7ad0").get(0).get("name").asText())
                .isEqualTo("Allan Deyoung");
        assertThat(fields.get("fef751d6-067d-431b-8a6d-667056eff6ee")).hasSize(2);
        assertThat(fields.get("4aad4ef9-3242-4bb6-87f7-29428567429f").asText()).isEqualTo(
                "long text area\nbla bla bla");
        assertThat(fields.get("7670050a-cf1a-4d3d-8179-5eba888dea5f").asText()).isEqualTo("text in custom field");
        assertThat(fields.get("862bd88d-f691-4a7b-a89a-f6f48550fc27").booleanValue()).isTrue();
        assertThat(fields.get("5b9f56bc-ec6a-45a3-b7ce-c25e1d8cfd69").get(0).asText())
                .isEqualTo("f72541a9-c964-4c81-bc1a-4f1f2d948416");
        assertThat(fields.get("7ee98e41-c4d0-4d4c-beb9-2b7f8f8c35c8").asText()).isEqualTo("2023-07-26T17:00:00Z");
    }

    @Test
    void create_assignsDistinctConsecutiveTicketIds_under50ConcurrentCreates() throws Exception {
        String isolated = Fixtures.createDemoInstance(deps).instanceId();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Ticket>> creates = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                creates.add(() -> service.create(isolated, Fixtures.referenceExampleJson(
                        "create-ticket-example-1.json")));
            }
            List<Long> numbers = new ArrayList<>();
            for (Future<Ticket> created : pool.invokeAll(creates)) {
                numbers.add(created.get().ticketId());
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
            for (long n = 1; n <= 50; n++) {
                assertThat(service.get(isolated, Long.toString(n)).ticketId()).isEqualTo(n);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void create_skipsNumbersAlreadyTaken_whenTheCounterFellBehind() {
        String isolated = Fixtures.createDemoInstance(deps).instanceId();
        service.create(isolated, example1());
        service.create(isolated, example1());
        // As if the counter item had been restored from an older backup: it would hand out 1 and 2 again.
        table.client().putItem(r -> r.tableName(table.tableName()).item(Map.of(
                "PK", AttributeValue.fromS("INSTANCE#" + isolated),
                "SK", AttributeValue.fromS("COUNTER#TICKET"),
                "next", AttributeValue.fromN("0"))));

        Ticket third = service.create(isolated, example1());

        assertThat(third.ticketId()).isEqualTo(3);
        assertThat(service.get(isolated, "1").id()).isNotEqualTo(third.id());
    }

    @Test
    void get_answersNotFound_forAnotherInstancesTicket_byNumberAndById() {
        Ticket mine = service.create(instanceId, Fixtures.referenceExampleJson("create-ticket-example-1.json"));
        String other = Fixtures.createDemoInstance(deps).instanceId();

        assertThatThrownBy(() -> service.get(other, mine.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.get(other, Long.toString(mine.ticketId() + 1000)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.get(instanceId, "not-a-ticket-id")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void create_rejectsMissingRequiredFields_namingEachOne() {
        assertThat(fieldErrors(Json.object()))
                .contains("user: is required", "ticket: is required");
        ObjectNode body = example1();
        ((ObjectNode) body.get("ticket")).remove("title");
        ((ObjectNode) body.get("ticket")).remove("requestor");
        assertThat(fieldErrors(body)).contains("ticket.title: is required", "ticket.requestor: is required");
    }

    @Test
    void create_rejectsInvalidValues_namingTheFieldAndWhatWasExpected() {
        ObjectNode body = example1();
        ObjectNode ticket = (ObjectNode) body.get("ticket");
        ticket.put("priority", "Critical");
        ticket.put("expectedDate", "next tuesday");
        ticket.put("title", " ");
        ticket.put("status", "Closed");
        ticket.put("colour", "red");
        ((ObjectNode) ticket.get("requestor")).put("email", "no-at-sign");

        assertThat(fieldErrors(body)).contains(
                "ticket.priority: must be one of Low, Medium, Important, Urgent",
                "ticket.expectedDate: must be an ISO-8601 date-time such as 2023-07-26T17:00:00Z",
                "ticket.title: must not be blank",
                "ticket.requestor.email: must be an email address")
                .anyMatch(e -> e.startsWith("ticket.status: cannot be set on create"))
                .anyMatch(e -> e.startsWith("ticket.colour: is not a known field"));
    }

    @Test
    void create_rejectsCustomFieldValues_thatDoNotMatchTheirDefinition() {
        ObjectNode body = example1();
        ObjectNode fields = ((ObjectNode) body.get("ticket")).putObject("customFields");
        fields.put("00000000-0000-0000-0000-000000000000", "x");
        fields.put("862bd88d-f691-4a7b-a89a-f6f48550fc27", "yes");
        fields.putArray("fef751d6-067d-431b-8a6d-667056eff6ee").add("0b8c8f5e-51a7-4a4e-8f39-2f6f0f7c9a01");
        fields.putArray("5b9f56bc-ec6a-45a3-b7ce-c25e1d8cfd69").add("nope");
        fields.put("7ee98e41-c4d0-4d4c-beb9-2b7f8f8c35c8", "tomorrow");
        fields.put("7670050a-cf1a-4d3d-8179-5eba888dea5f", "x".repeat(101));
        fields.putArray("146db0c4-de24-4818-a131-a27161bb7ad0").add("Allan");

        List<String> errors = fieldErrors(body);

        assertThat(errors).contains(
                "ticket.customFields.00000000-0000-0000-0000-000000000000: is not a custom field of this instance "
                        + "(see GET /instance for the ids)",
                "ticket.customFields.862bd88d-f691-4a7b-a89a-f6f48550fc27: custom field 'Blocking work' is a toggle "
                        + "and must be true or false",
                "ticket.customFields.fef751d6-067d-431b-8a6d-667056eff6ee: custom field 'Affected systems' option "
                        + "0b8c8f5e-51a7-4a4e-8f39-2f6f0f7c9a01 (Fax (retired)) has been deleted",
                "ticket.customFields.5b9f56bc-ec6a-45a3-b7ce-c25e1d8cfd69: custom field 'Location' has no option nope",
                "ticket.customFields.7670050a-cf1a-4d3d-8179-5eba888dea5f: custom field 'Asset tag' must be at most "
                        + "100 characters (got 101)")
                .anyMatch(e -> e.startsWith("ticket.customFields.7ee98e41-c4d0-4d4c-beb9-2b7f8f8c35c8: custom field "
                        + "'Needed by' is a date picker"))
                .anyMatch(e -> e.startsWith("ticket.customFields.146db0c4-de24-4818-a131-a27161bb7ad0: custom field "
                        + "'Impacted people' is a people picker"));
    }

    @Test
    void create_rejectsUnknownTagCategoriesAndDeletedTags() {
        ObjectNode body = example1();
        var tags = ((ObjectNode) body.get("ticket")).putArray("tags");
        tags.addObject().put("tagCategoryId", "no-such-category").put("text", "x");
        tags.addObject().put("tagCategoryId", "2283653a-8d36-40eb-9a68-73eb3b331811").put("text", "Legacy");
        tags.addObject().put("tagCategoryId", "2283653a-8d36-40eb-9a68-73eb3b331811").put("text", " ");

        assertThat(fieldErrors(body)).contains(
                "ticket.tags[0].tagCategoryId: is not a tag category of this instance (see GET /tags)",
                "ticket.tags[1].text: tag 'legacy' has been deleted from category 'Topic'",
                "ticket.tags[2].text: must not be blank");
    }

    @Test
    void create_leavesNoTicket_whenValidationFails() {
        String isolated = Fixtures.createDemoInstance(deps).instanceId();
        ObjectNode body = example1();
        ((ObjectNode) body.get("ticket")).put("priority", "Critical");

        assertThatThrownBy(() -> service.create(isolated, body)).isInstanceOf(ValidationException.class);

        assertThatThrownBy(() -> service.get(isolated, "1")).isInstanceOf(NotFoundException.class);
        assertThat(service.create(isolated, example1()).ticketId()).isEqualTo(1);
    }

    /** Each of these used to be stored or refused by the store only after a ticket number was taken. */
    @ParameterizedTest
    @ValueSource(strings = {"\"number\": 1e400", "\"number\": 1234567890123456789012345678901234567890",
            "\"number\": 1E-131", "\"expectedDate\": \"+999999999-12-31T23:59:59Z\"",
            "\"expectedDate\": \"0000-06-01T00:00:00Z\"", "\"date\": \"-0001-01-01\""})
    void create_rejectsValuesDynamoDbOrTimezonesCannotHold_beforeTakingATicketNumber(String value) {
        ObjectNode definition = Fixtures.demoDefinition();
        definition.put("id", java.util.UUID.randomUUID().toString());
        ((com.fasterxml.jackson.databind.node.ArrayNode) definition.get("customFields")).addObject()
                .put("id", NUMBER_FIELD).put("name", "Cost").put("type", "number").put("required", false);
        String isolated = new InstanceAdminService(deps.instanceStore())
                .create(definition, java.util.Optional.empty(), null).instanceId();
        long first = service.create(isolated, example1()).ticketId();
        ObjectNode body = example1();
        ObjectNode ticket = (ObjectNode) body.get("ticket");
        String json = "{" + value.replace("\"number\"", "\"" + NUMBER_FIELD + "\"")
                .replace("\"date\"", "\"7ee98e41-c4d0-4d4c-beb9-2b7f8f8c35c8\"") + "}";
        JsonNode parsed = parse(json);
        if (parsed.has("expectedDate")) {
            ticket.set("expectedDate", parsed.get("expectedDate"));
        } else {
            ticket.set("customFields", parsed);
        }

        ValidationException rejected = catchThrowableOfType(ValidationException.class,
                () -> service.create(isolated, body));

        assertThat(rejected).as("a 400 for " + value).isNotNull();
        assertThat(rejected.details()).singleElement().satisfies(error -> assertThat(error.field())
                .isIn("ticket.expectedDate", "ticket.customFields." + NUMBER_FIELD,
                        "ticket.customFields.7ee98e41-c4d0-4d4c-beb9-2b7f8f8c35c8"));
        assertThat(service.create(isolated, example1()).ticketId()).isEqualTo(first + 1);
    }

    @Test
    void create_boundsTheDescription_soTheTicketAndItsActivitiesStayUnder400KB() {
        ObjectNode body = example1();
        ((ObjectNode) body.get("ticket")).put("description", "\u00e9".repeat(16_001));

        assertThat(fieldErrors(body))
                .containsExactly("ticket.description: must be at most 16000 characters (got 16001)");
        ((ObjectNode) body.get("ticket")).put("description", "\u00e9".repeat(16_000));
        assertThat(service.create(instanceId, body).description()).hasSize(16_000);
    }

    private static final String NUMBER_FIELD = "0f0e0d0c-0b0a-4909-8807-060504030201";

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void create_andGet_answerForbidden_forADisabledInstance() {
        ObjectNode definition = Fixtures.demoDefinition();
        definition.put("id", java.util.UUID.randomUUID().toString());
        definition.put("enabled", false);
        String disabled = new InstanceAdminService(deps.instanceStore())
                .create(definition, java.util.Optional.empty(), null).instanceId();

        assertThatThrownBy(() -> service.create(disabled, example1())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.get(disabled, "1")).isInstanceOf(ForbiddenException.class);
    }

    private static ObjectNode example1() {
        return (ObjectNode) Fixtures.referenceExampleJson("create-ticket-example-1.json");
    }

    private static List<String> fieldErrors(JsonNode body) {
        try {
            service.create(instanceId, body);
        } catch (ValidationException e) {
            return e.details().stream().map(d -> d.field() + ": " + d.message()).toList();
        }
        throw new AssertionError("expected a validation error for " + body);
    }
}
