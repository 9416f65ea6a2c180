package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.auth.ApiKeys;
import dev.ticketing.error.FieldError;
import dev.ticketing.error.NotFoundException;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.Json;
import dev.ticketing.model.Instance;
import dev.ticketing.model.Tag;
import dev.ticketing.model.TagCategory;
import dev.ticketing.model.Ticket;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbEngine.class)
class InstanceAdminServiceIT {

    private static final String ASSET_TAG = "7670050a-cf1a-4d3d-8179-5eba888dea5f";
    private static final String SYSTEMS = "fef751d6-067d-431b-8a6d-667056eff6ee";
    private static final String VPN = "fe68df23-432e-4c0f-9841-a018b7f46d0b";
    private static final String TOPIC = "2283653a-8d36-40eb-9a68-73eb3b331811";

    private static Dependencies deps;
    private static InstanceAdminService admin;
    private static TicketService tickets;
    private CreatedInstance created;
    private String instanceId;

    @BeforeAll
    static void setUp(TestTable table) {
        deps = Fixtures.dependencies(table);
        admin = new InstanceAdminService(deps.instanceStore());
        tickets = deps.ticketService();
    }

    /** Each test changes the definition, so each gets its own copy of the demo instance. */
    @BeforeEach
    void createInstance() {
        created = Fixtures.createDemoInstance(deps);
        instanceId = created.instanceId();
    }

    @Test
    void replaceDefinition_changesTheSettings_andKeepsBothKeysWorking() {
        ObjectNode definition = definitionWithoutTags();
        definition.put("name", "Renamed desk");
        definition.put("enabled", false);

        admin.replaceDefinition(instanceId, definition);

        Instance stored = deps.instanceStore().find(instanceId).orElseThrow();
        assertThat(stored.name()).isEqualTo("Renamed desk");
        assertThat(stored.enabled()).isFalse();
        assertThat(deps.instanceStore().findByKeyHash(ApiKeys.hash(created.primaryKey()))).isPresent();
        assertThat(deps.instanceStore().findByKeyHash(ApiKeys.hash(created.secondaryKey()))).isPresent();
    }

    @Test
    void replaceDefinition_withoutEnabled_keepsTheCurrentValue() {
        ObjectNode definition = definitionWithoutTags();
        definition.remove("enabled");

        assertThat(admin.replaceDefinition(instanceId, definition).enabled()).isTrue();
    }

    @Test
    void replaceDefinition_removingACustomField_isRejected_namingIt() {
        ObjectNode definition = definitionWithoutTags();
        removeField(definition, ASSET_TAG);

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> admin.replaceDefinition(
                instanceId, definition));

        assertThat(e.details()).extracting(FieldError::field).containsExactly("customFields." + ASSET_TAG);
        assertThat(e.details().get(0).message()).contains("'Asset tag'").contains("deleted");
        assertThat(deps.instanceStore().find(instanceId).orElseThrow().customField(ASSET_TAG)).isPresent();
    }

    @Test
    void replaceDefinition_removingAnOption_isRejected_namingIt() {
        ObjectNode definition = definitionWithoutTags();
        ArrayNode options = (ArrayNode) field(definition, SYSTEMS).get("options");
        options.remove(1);

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> admin.replaceDefinition(
                instanceId, definition));

        assertThat(e.details()).extracting(FieldError::field)
                .containsExactly("customFields." + SYSTEMS + ".options." + VPN);
    }

    @Test
    void replaceDefinition_withInvalidParts_reportsEachClearly() {
        ObjectNode definition = definitionWithoutTags();
        definition.put("id", "another-id");
        definition.remove("name");
        definition.set("tagCategories", Json.MAPPER.createArrayNode());

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> admin.replaceDefinition(
                instanceId, definition));

        assertThat(e.details()).extracting(FieldError::field).containsExactlyInAnyOrder("id", "name", "tagCategories");
    }

    @Test
    void replaceDefinition_withAnUnknownFieldType_isRejected_withItsPath() {
        ObjectNode definition = definitionWithoutTags();
        field(definition, ASSET_TAG).put("type", "colourPicker");

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> admin.replaceDefinition(
                instanceId, definition));

        assertThat(e.details().get(0).field()).contains("customFields").contains("type");
    }

    @Test
    void replaceDefinition_ofAnUnknownInstance_answersNotFound() {
        assertThatThrownBy(() -> admin.replaceDefinition("no-such-instance", definitionWithoutTags().without("id")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletedField_keepsExistingTicketsValues_butTakesNoNewOnes() {
        Ticket before = tickets.create(instanceId, ticketWith(ASSET_TAG, Json.MAPPER.getNodeFactory().textNode("A-1")));

        admin.markCustomFieldDeleted(instanceId, ASSET_TAG, true);

        Ticket reread = tickets.get(instanceId, before.id());
        assertThat(reread.customFields().get(ASSET_TAG).asText()).isEqualTo("A-1");
        assertThat(deps.instanceStore().find(instanceId).orElseThrow().customField(ASSET_TAG).orElseThrow().deleted())
                .isTrue();
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> tickets.create(instanceId,
                ticketWith(ASSET_TAG, Json.MAPPER.getNodeFactory().textNode("A-2"))));
        assertThat(e.details()).extracting(FieldError::field).anyMatch(f -> f.endsWith(ASSET_TAG));
    }

    @Test
    void deletedOption_keepsExistingTicketsValues_butCannotBeChosen() {
        ArrayNode vpn = Json.MAPPER.createArrayNode().add(VPN);
        Ticket before = tickets.create(instanceId, ticketWith(SYSTEMS, vpn));

        admin.markOptionDeleted(instanceId, SYSTEMS, VPN, true);

        assertThat(tickets.get(instanceId, before.id()).customFields().get(SYSTEMS)).isEqualTo(vpn);
        assertThatThrownBy(() -> tickets.create(instanceId, ticketWith(SYSTEMS, vpn)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void addedOption_canBeChosen() {
        String optionId = admin.addOption(instanceId, SYSTEMS, "  Printer ");

        Ticket ticket = tickets.create(instanceId, ticketWith(SYSTEMS, Json.MAPPER.createArrayNode().add(optionId)));

        assertThat(ticket.customFields().get(SYSTEMS).get(0).asText()).isEqualTo(optionId);
        assertThat(deps.instanceStore().find(instanceId).orElseThrow().customField(SYSTEMS).orElseThrow()
                .option(optionId).orElseThrow().text()).isEqualTo("Printer");
    }

    @Test
    void addOption_toAFieldWithoutOptions_isRejected() {
        assertThatThrownBy(() -> admin.addOption(instanceId, ASSET_TAG, "x")).isInstanceOf(ValidationException.class);
    }

    @Test
    void addedCustomField_takesValues_andItsIdMustBeNew() throws Exception {
        JsonNode field = Json.parse("{\"id\": \"11111111-2222-4333-8444-555555555555\", \"name\": \"Cost\","
                + " \"type\": \"number\", \"required\": false, \"deleted\": false}");

        admin.addCustomField(instanceId, field);

        Ticket ticket = tickets.create(instanceId, ticketWith("11111111-2222-4333-8444-555555555555",
                Json.MAPPER.getNodeFactory().numberNode(12)));
        assertThat(ticket.customFields().get("11111111-2222-4333-8444-555555555555").asInt()).isEqualTo(12);
        assertThatThrownBy(() -> admin.addCustomField(instanceId, field)).isInstanceOf(ValidationException.class);
    }

    @Test
    void addedCustomField_withoutName_isRejected() throws Exception {
        assertThatThrownBy(() -> admin.addCustomField(instanceId, Json.parse("{\"type\": \"toggle\"}")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void tagCategoryCommands_addMarkDeletedAndRestore_withoutRemovingAnything() {
        TagCategory added = admin.addTagCategory(instanceId, " Hardware ", "#FF0000");
        admin.addTag(instanceId, added.id(), "Laptop");
        admin.markTagDeleted(instanceId, TOPIC, "my tag", true);
        admin.markTagCategoryDeleted(instanceId, added.id(), true);

        var categories = deps.instanceStore().tagCategories(instanceId);
        TagCategory hardware = categories.stream().filter(c -> c.id().equals(added.id())).findFirst().orElseThrow();
        TagCategory topic = categories.stream().filter(c -> c.id().equals(TOPIC)).findFirst().orElseThrow();
        assertThat(hardware.text()).isEqualTo("Hardware");
        assertThat(hardware.deleted()).isTrue();
        assertThat(hardware.tags()).containsExactly(new Tag("Laptop", false));
        assertThat(topic.tags()).contains(new Tag("my tag", true)).hasSize(3);

        admin.addTag(instanceId, TOPIC, "MY TAG");
        assertThat(deps.instanceStore().tagCategories(instanceId).stream().filter(c -> c.id().equals(TOPIC))
                .findFirst().orElseThrow().tag("my tag").orElseThrow().deleted()).isFalse();
    }

    @Test
    void deletedTag_andDeletedCategory_cannotBeAppliedToNewTickets() {
        admin.markTagDeleted(instanceId, TOPIC, "sdsad", true);

        assertThatThrownBy(() -> tickets.create(instanceId, ticketWithTag(TOPIC, "sdsad")))
                .isInstanceOf(ValidationException.class);

        admin.markTagCategoryDeleted(instanceId, TOPIC, true);

        assertThatThrownBy(() -> tickets.create(instanceId, ticketWithTag(TOPIC, "my tag")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void tagCommands_onUnknownCategoryOrTag_answerNotFound() {
        assertThatThrownBy(() -> admin.addTag(instanceId, "no-such-category", "x"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> admin.markTagDeleted(instanceId, TOPIC, "no-such-tag", true))
                .isInstanceOf(NotFoundException.class);
    }

    private static ObjectNode definitionWithoutTags() {
        ObjectNode definition = Fixtures.demoDefinition();
        definition.remove("tagCategories");
        definition.remove("id");
        return definition;
    }

    private static ObjectNode field(ObjectNode definition, String id) {
        for (JsonNode field : definition.get("customFields")) {
            if (id.equals(field.path("id").asText())) {
                return (ObjectNode) field;
            }
        }
        throw new AssertionError("no field " + id);
    }

    private static void removeField(ObjectNode definition, String id) {
        ArrayNode fields = (ArrayNode) definition.get("customFields");
        for (int i = 0; i < fields.size(); i++) {
            if (id.equals(fields.get(i).path("id").asText())) {
                fields.remove(i);
                return;
            }
        }
    }

    private static JsonNode ticketWith(String fieldId, JsonNode value) {
        ObjectNode body = (ObjectNode) Fixtures.referenceExampleJson("create-ticket-example-1.json");
        ((ObjectNode) body.get("ticket")).putObject("customFields").set(fieldId, value);
        return body;
    }

    private static JsonNode ticketWithTag(String categoryId, String text) {
        ObjectNode body = (ObjectNode) Fixtures.referenceExampleJson("create-ticket-example-1.json");
        ((ObjectNode) body.get("ticket")).putArray("tags").addObject().put("tagCategoryId", categoryId)
                .put("text", text);
        return body;
    }
}
