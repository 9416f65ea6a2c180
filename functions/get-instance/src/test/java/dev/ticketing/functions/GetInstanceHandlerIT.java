package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.model.Instance;
import dev.ticketing.service.CreatedInstance;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbEngine.class)
class GetInstanceHandlerIT {

    /** Every field of the reference's IInstance. */
    private static final List<String> IINSTANCE_FIELDS = List.of("id", "groupId", "name", "enabled", "tenantId",
            "teamId", "channelId", "subscriptionId", "mailAddress", "customFields", "customFieldsLeft",
            "customFieldsRight", "optionalFieldsLeft", "optionalFieldsRight", "assignees", "assigneeRules",
            "defaultRuleAssignee", "isAutomaticAssignTickets", "alertNotification", "isAutoAssignIdleTickets",
            "dayBeforeTicketsIdle", "idleTicketAssignedTo", "isNotifyIdleTicket");

    private static Dependencies deps;
    private static CreatedInstance demo;
    private static GetInstanceHandler handler;

    @BeforeAll
    static void setUp(TestTable table) {
        deps = Fixtures.dependencies(table);
        demo = Fixtures.createDemoInstance(deps, Fixtures.DEMO_INSTANCE_ID, Fixtures.DEMO_PRIMARY_KEY);
        handler = new GetInstanceHandler(deps.instanceService());
    }

    @Test
    void sampleEvent_returnsTheDemoInstance_withTheIInstanceFields_andTheLiveApisOnly() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handle(Fixtures.proxyEvent("get-instance.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode item = Json.parse(response.getBody()).get("item");
        List<String> names = new ArrayList<>();
        item.fieldNames().forEachRemaining(names::add);
        // The demo sets every field but the optional subscriptionId; the live API's clients also read three more.
        List<String> expected = new ArrayList<>(IINSTANCE_FIELDS.stream().filter(n -> !n.equals("subscriptionId"))
                .toList());
        expected.addAll(List.of("displayName", "instanceName", "sla"));
        assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(item.get("id").asText()).isEqualTo(Fixtures.DEMO_INSTANCE_ID);
        assertThat(item.get("name").asText()).isEqualTo("Demo Helpdesk");
        assertThat(item.get("enabled").asBoolean()).isTrue();
        assertThat(item.at("/assignees/peoples/0/text").asText()).isEqualTo("Alex Wilber");
        assertThat(item.get("dayBeforeTicketsIdle").asInt()).isEqualTo(3);
    }

    @Test
    void response_neverContainsAKeyOrAKeyHash() {
        APIGatewayProxyResponseEvent response = handler.handle(Fixtures.proxyEvent("get-instance.json"), null);

        assertThat(response.getBody())
                .doesNotContain(demo.primaryKey())
                .doesNotContain(demo.secondaryKey())
                .doesNotContainIgnoringCase("keyHash")
                .doesNotContain("INSTANCE#")
                .doesNotContain("APIKEY");
    }

    @Test
    void customFields_keepTheirDefinitions_includingDeletedOptions() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handle(Fixtures.proxyEvent("get-instance.json"), null);

        JsonNode fields = Json.parse(response.getBody()).at("/item/customFields");
        assertThat(fields).hasSize(8);
        JsonNode systems = findById(fields, "fef751d6-067d-431b-8a6d-667056eff6ee");
        assertThat(systems.get("typeName").asText()).isEqualTo("multipleItemsPicker");
        assertThat(systems.get("name").asText()).isEqualTo("Affected systems");
        assertThat(systems.get("options")).hasSize(3);
        assertThat(findById(systems.get("options"), "0b8c8f5e-51a7-4a4e-8f39-2f6f0f7c9a01").get("deleted").asBoolean())
                .isTrue();
        assertThat(findById(fields, "7670050a-cf1a-4d3d-8179-5eba888dea5f").get("maxLength").asInt()).isEqualTo(100);
    }

    @Test
    void customFieldsAndPeople_carryTheLiveApisVocabulary_besideTheReferences() throws Exception {
        JsonNode item = Json.parse(handler.handle(Fixtures.proxyEvent("get-instance.json"), null).getBody())
                .get("item");

        JsonNode systems = findById(item.get("customFields"), "fef751d6-067d-431b-8a6d-667056eff6ee");
        assertThat(item.get("displayName").asText()).isEqualTo(item.get("name").asText());
        assertThat(systems.get("title").asText()).isEqualTo("Affected systems");
        assertThat(systems.at("/type/key").asText()).isEqualTo("5_list");
        assertThat(systems.get("isMultiple").asBoolean()).isTrue();
        assertThat(systems.get("isMandatory").isBoolean()).isTrue();
        assertThat(systems.at("/options/0/key")).isEqualTo(systems.at("/options/0/id"));
        // The demo instance's service-level policy, as the live API's summary names it.
        assertThat(item.at("/sla/enabled").asBoolean(false)).isTrue();
        assertThat(item.at("/sla/rules/0/priority").asText()).isEqualTo("Urgent");
        assertThat(item.at("/sla/rules/0/firstResponseHours").asDouble()).isPositive();
    }

    @Test
    void definitionInTheLiveVocabulary_isStored_andReadBackInBoth() throws Exception {
        // As the live API's GET /instance shows a definition (and its clients keep it): the admin tool takes it.
        JsonNode live = Json.parse("""
                {"displayName": "Live helpdesk", "groupId": "g", "tenantId": "t", "teamId": "tm", "channelId": "c",
                 "assignees": {"type": "customAssignee",
                   "peoples": [{"id": "p1", "name": "Pat Doe", "email": "pat@example.com"}]},
                 "customFields": [{"id": "6a0e1c9e-0000-4000-8000-000000000001", "title": "Systems",
                   "isMandatory": true, "isMultiple": true, "type": {"key": "5_list", "text": "List"},
                   "options": [{"key": "6a0e1c9e-0000-4000-8000-0000000000a1", "text": "VPN"}]}]}
                """);
        CreatedInstance created = new dev.ticketing.service.InstanceAdminService(deps.instanceStore())
                .create(live, java.util.Optional.empty(), null);

        JsonNode item = Json.parse(handler.handle(forInstance(created.instanceId()), null).getBody()).get("item");

        JsonNode field = item.at("/customFields/0");
        assertThat(item.get("name").asText()).isEqualTo("Live helpdesk");
        assertThat(field.get("name").asText()).isEqualTo("Systems");
        assertThat(field.get("required").asBoolean()).isTrue();
        assertThat(field.get("typeName").asText()).isEqualTo("multipleItemsPicker");
        assertThat(field.at("/type/key").asText()).isEqualTo("5_list");
        assertThat(field.at("/options/0/id").asText()).isEqualTo("6a0e1c9e-0000-4000-8000-0000000000a1");
        assertThat(item.at("/assignees/peoples/0/text").asText()).isEqualTo("Pat Doe");
        assertThat(item.at("/assignees/peoples/0/secondaryText").asText()).isEqualTo("pat@example.com");
        assertThat(item.at("/assignees/peoples/0/name").asText()).isEqualTo("Pat Doe");
        assertThat(item.at("/assignees/peoples/0/email").asText()).isEqualTo("pat@example.com");
    }

    @Test
    void anyValidTimezone_answersTheSameInstance() {
        APIGatewayProxyResponseEvent utc = handler.handle(Fixtures.proxyEvent("get-instance.json"), null);
        APIGatewayProxyResponseEvent plusSeven = handler.handle(withQuery("timezone", "7"), null);

        assertThat(plusSeven.getStatusCode()).isEqualTo(200);
        assertThat(plusSeven.getBody()).isEqualTo(utc.getBody());
    }

    @Test
    void invalidTimezone_answers400_namingTheParameter() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handle(withQuery("timezone", "GMT+7"), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Json.parse(response.getBody()).at("/details/0/field").asText()).isEqualTo("timezone");
    }

    @Test
    void disabledInstance_answers403() throws Exception {
        String disabled = Fixtures.createDemoInstance(deps).instanceId();
        deps.instanceStore().updateDefinition(disabled, GetInstanceHandlerIT::disable);

        APIGatewayProxyResponseEvent response = handler.handle(forInstance(disabled), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(Json.parse(response.getBody()).at("/code").asText()).isEqualTo("Forbidden");
    }

    @Test
    void eventWithoutAuthorizerContext_answers401() {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("get-instance.json");
        event.getRequestContext().setAuthorizer(null);

        assertThat(handler.handle(event, null).getStatusCode()).isEqualTo(401);
    }

    static Instance disable(Instance instance) {
        ObjectNode tree = Json.MAPPER.valueToTree(instance);
        tree.put("enabled", false);
        return Json.MAPPER.convertValue(tree, Instance.class);
    }

    private static JsonNode findById(JsonNode array, String id) {
        for (JsonNode node : array) {
            if (id.equals(node.path("id").asText())) {
                return node;
            }
        }
        throw new AssertionError("no element with id " + id + " in " + array);
    }

    private static APIGatewayProxyRequestEvent withQuery(String name, String value) {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("get-instance.json");
        Map<String, String> single = new HashMap<>(event.getQueryStringParameters());
        single.put(name, value);
        Map<String, List<String>> multi = new HashMap<>(event.getMultiValueQueryStringParameters());
        multi.put(name, List.of(value));
        return event.withQueryStringParameters(single).withMultiValueQueryStringParameters(multi);
    }

    private static APIGatewayProxyRequestEvent forInstance(String instanceId) {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("get-instance.json");
        event.getRequestContext().setAuthorizer(Map.of("instanceId", instanceId));
        return event;
    }
}
