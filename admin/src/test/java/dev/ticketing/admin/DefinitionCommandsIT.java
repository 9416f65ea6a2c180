package dev.ticketing.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.service.InstanceAdminService;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbEngine.class)
class DefinitionCommandsIT {

    private static final String ASSET_TAG = "7670050a-cf1a-4d3d-8179-5eba888dea5f";
    private static final String TOPIC = "2283653a-8d36-40eb-9a68-73eb3b331811";

    private static Dependencies deps;
    private String instanceId;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void setUp(TestTable table) {
        deps = Fixtures.dependencies(table);
    }

    @BeforeEach
    void createInstance() {
        instanceId = Fixtures.createDemoInstance(deps).instanceId();
    }

    @Test
    void replaceDefinition_fromStandardInput_printsTheNewInstance() throws Exception {
        ObjectNode definition = Fixtures.demoDefinition();
        definition.remove("tagCategories");
        definition.remove("id");
        definition.put("name", "From stdin");

        int status = run(Json.write(definition), "replace-definition", instanceId, "-");

        assertThat(status).isZero();
        assertThat(Json.parse(out.toString(StandardCharsets.UTF_8)).get("name").asText()).isEqualTo("From stdin");
        assertThat(deps.instanceStore().find(instanceId).orElseThrow().name()).isEqualTo("From stdin");
    }

    @Test
    void replaceDefinition_removingAField_exits1_withAnErrorNamingIt() throws Exception {
        ObjectNode definition = Fixtures.demoDefinition();
        definition.remove("tagCategories");
        definition.remove("id");
        definition.putArray("customFields");

        int status = run(Json.write(definition), "replace-definition", instanceId, "-");

        assertThat(status).isEqualTo(1);
        JsonNode error = Json.parse(err.toString(StandardCharsets.UTF_8));
        assertThat(error.get("details").findValuesAsText("field")).contains("customFields." + ASSET_TAG);
        assertThat(out.size()).isZero();
    }

    @Test
    void setRules_fromStandardInput_storesTheRulesAndTheFlag_andPrintsTheInstance() throws Exception {
        String rules = "{\"isAutomaticAssignTickets\": true, \"assigneeRules\": [{\"id\": \"urgent\", \"name\": "
                + "\"Urgent to Alex\", \"conditions\": [{\"field\": \"priority\", \"operator\": \"equals\", "
                + "\"value\": \"Urgent\"}], \"actions\": {\"assignee\": {\"id\": "
                + "\"708edddc-xxxx-xxxx-xxxx-xxxxxxxxxxx\", \"text\": \"Alex Wilber\"}}, \"stopProcessing\": true}]}";

        int status = run(rules, "set-rules", instanceId, "-");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode printed = Json.parse(out.toString(StandardCharsets.UTF_8));
        assertThat(printed.at("/assigneeRules/0/name").asText()).isEqualTo("Urgent to Alex");
        assertThat(printed.get("isAutomaticAssignTickets").asBoolean()).isTrue();
        assertThat(deps.instanceStore().find(instanceId).orElseThrow().assigneeRules())
                .extracting(r -> r.id()).containsExactly("urgent");
    }

    @Test
    void setRules_withAnUnknownOperator_exits1_namingThePath() throws Exception {
        String rules = "{\"assigneeRules\": [{\"id\": \"r\", \"conditions\": [{\"field\": \"priority\", "
                + "\"operator\": \"like\", \"value\": \"Urgent\"}], \"actions\": {\"priority\": \"Low\"}}]}";

        int status = run(rules, "set-rules", instanceId, "-");

        assertThat(status).isEqualTo(1);
        JsonNode error = Json.parse(err.toString(StandardCharsets.UTF_8));
        assertThat(error.get("details").findValuesAsText("field"))
                .containsExactly("assigneeRules[0].conditions[0].operator");
        assertThat(deps.instanceStore().find(instanceId).orElseThrow().assigneeRules()).isEmpty();
    }

    @Test
    void replaceDefinition_withInvalidJson_exits1_sayingItCannotBeRead() {
        int status = run("{not json", "replace-definition", instanceId, "-");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read the definition");
    }

    @Test
    void deleteCustomField_marksItDeleted_andKeepsIt() throws Exception {
        int status = run("", "delete-custom-field", instanceId, ASSET_TAG);

        assertThat(status).isZero();
        assertThat(deps.instanceStore().find(instanceId).orElseThrow().customField(ASSET_TAG).orElseThrow().deleted())
                .isTrue();
    }

    @Test
    void addTag_thenDeleteTag_printTheCategory() throws Exception {
        assertThat(run("", "add-tag", instanceId, TOPIC, "Printer")).isZero();
        out.reset();
        assertThat(run("", "delete-tag", instanceId, TOPIC, "Printer")).isZero();

        JsonNode category = Json.parse(out.toString(StandardCharsets.UTF_8));
        assertThat(category.get("id").asText()).isEqualTo(TOPIC);
        assertThat(category.get("tags").findParents("text").stream()
                .filter(t -> t.get("text").asText().equals("Printer")).findFirst().orElseThrow()
                .get("deleted").asBoolean()).isTrue();
    }

    @Test
    void setSla_storesThePolicy_andGetInstanceShowsIt() throws Exception {
        String sla = "{\"enabled\": true, \"rules\": [{\"priority\": \"Urgent\", \"firstResponseHours\": 0.5,"
                + " \"resolutionHours\": 4}]}";

        int status = run(sla, "set-sla", instanceId, "-");

        assertThat(status).isZero();
        JsonNode printed = Json.parse(out.toString(StandardCharsets.UTF_8));
        assertThat(printed.at("/sla/rules/0/firstResponseHours").asDouble()).isEqualTo(0.5);
        assertThat(deps.instanceStore().find(instanceId).orElseThrow().slaPolicy().applies()).isTrue();
    }

    @Test
    void setSla_withAnUnknownPriority_exits1_namingTheRule() throws Exception {
        int status = run("{\"enabled\": true, \"rules\": [{\"priority\": \"Critical\", \"firstResponseHours\": 1}]}",
                "set-sla", instanceId, "-");

        assertThat(status).isEqualTo(1);
        assertThat(Json.parse(err.toString(StandardCharsets.UTF_8)).get("details").findValuesAsText("field"))
                .containsExactly("sla.rules[0].priority");
    }

    @Test
    void wrongArgumentCount_exits2_withUsage() {
        assertThat(run("", "add-tag", instanceId)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("add-tag <instanceId> <tagCategoryId> <text>");
    }

    private int run(String stdin, String... args) {
        return AdminMain.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> new InstanceAdminService(deps.instanceStore()));
    }
}
