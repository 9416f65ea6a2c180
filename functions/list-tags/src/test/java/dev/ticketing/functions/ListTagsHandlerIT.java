package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.model.Instance;
import dev.ticketing.model.Tag;
import dev.ticketing.model.TagCategory;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbEngine.class)
class ListTagsHandlerIT {

    private static final String TOPIC_ID = "2283653a-8d36-40eb-9a68-73eb3b331811";

    private static Dependencies deps;
    private static ListTagsHandler handler;

    @BeforeAll
    static void setUp(TestTable table) {
        deps = Fixtures.dependencies(table);
        Fixtures.createDemoInstance(deps, Fixtures.DEMO_INSTANCE_ID, Fixtures.DEMO_PRIMARY_KEY);
        handler = new ListTagsHandler(deps.instanceService());
    }

    @Test
    void sampleEvent_returnsTheDemoCategory_inTheITagCategoryShape() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handle(Fixtures.proxyEvent("list-tags.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode items = Json.parse(response.getBody()).get("items");
        assertThat(items).hasSize(1);
        JsonNode topic = items.get(0);
        assertThat(fieldNames(topic)).containsExactly("id", "instanceId", "text", "color", "tags", "deleted");
        assertThat(topic.get("id").asText()).isEqualTo(TOPIC_ID);
        assertThat(topic.get("instanceId").asText()).isEqualTo(Fixtures.DEMO_INSTANCE_ID);
        assertThat(topic.get("text").asText()).isEqualTo("Topic");
        assertThat(topic.get("color").asText()).isEqualTo("#0078D4");
        assertThat(topic.get("deleted").asBoolean()).isFalse();
        assertThat(topic.get("tags")).containsExactly(
                Json.parse("{\"text\":\"sdsad\",\"deleted\":false}"),
                Json.parse("{\"text\":\"my tag\",\"deleted\":false}"),
                Json.parse("{\"text\":\"legacy\",\"deleted\":true}"));
    }

    @Test
    void deletedCategories_areListed_flaggedDeleted() throws Exception {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();
        String retiredId = UUID.randomUUID().toString();
        deps.instanceStore().updateTagCategory(instanceId, retiredId, none -> new TagCategory(retiredId, instanceId,
                "Retired", "#000000", List.of(new Tag("old", false)), true));

        JsonNode items = Json.parse(handler.handle(forInstance(instanceId), null).getBody()).get("items");

        assertThat(items).hasSize(2);
        JsonNode retired = items.findParents("id").stream()
                .filter(c -> c.get("id").asText().equals(retiredId)).findFirst().orElseThrow();
        assertThat(retired.get("deleted").asBoolean()).isTrue();
        assertThat(retired.at("/tags/0/text").asText()).isEqualTo("old");
    }

    @Test
    void instanceWithoutCategories_answersAnEmptyList() throws Exception {
        ObjectNode definition = Fixtures.demoDefinition();
        definition.put("id", UUID.randomUUID().toString());
        definition.remove("tagCategories");
        String instanceId = new dev.ticketing.service.InstanceAdminService(deps.instanceStore())
                .create(definition, java.util.Optional.empty(), null).instanceId();

        APIGatewayProxyResponseEvent response = handler.handle(forInstance(instanceId), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Json.parse(response.getBody()).get("items")).isEmpty();
    }

    @Test
    void disabledInstance_answers403() throws Exception {
        String disabled = Fixtures.createDemoInstance(deps).instanceId();
        deps.instanceStore().updateDefinition(disabled, ListTagsHandlerIT::disable);

        APIGatewayProxyResponseEvent response = handler.handle(forInstance(disabled), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(Json.parse(response.getBody()).at("/code").asText()).isEqualTo("Forbidden");
    }

    private static Instance disable(Instance instance) {
        ObjectNode tree = Json.MAPPER.valueToTree(instance);
        tree.put("enabled", false);
        return Json.MAPPER.convertValue(tree, Instance.class);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static APIGatewayProxyRequestEvent forInstance(String instanceId) {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("list-tags.json");
        event.getRequestContext().setAuthorizer(Map.of("instanceId", instanceId));
        return event;
    }
}
