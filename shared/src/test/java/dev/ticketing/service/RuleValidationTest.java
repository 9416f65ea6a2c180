package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.error.FieldError;
import dev.ticketing.json.Json;
import dev.ticketing.model.AssignmentRule;
import dev.ticketing.model.Instance;
import dev.ticketing.model.Tag;
import dev.ticketing.model.TagCategory;
import dev.ticketing.validation.Errors;
import dev.ticketing.validation.RuleValidator;
import dev.ticketing.error.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleValidationTest {

    private static final String TOPIC = "2283653a-8d36-40eb-9a68-73eb3b331811";
    private static final List<TagCategory> CATEGORIES = List.of(
            new TagCategory(TOPIC, "i", "Topic", null, List.of(new Tag("legacy", true)), false),
            new TagCategory("gone", "i", "Gone", null, List.of(), true));
    private static final Instance INSTANCE = Json.MAPPER.convertValue(
            AssignmentRulesTest.definition(List.of(), List.of()), Instance.class);
    private static final String VALID = "{\"id\": \"ok\", \"name\": \"ok\", \"conditions\": [{\"field\": "
            + "\"priority\", \"operator\": \"equals\", \"value\": \"Urgent\"}], \"actions\": {\"assign\": "
            + "\"roundRobin\"}}";

    /** The errors of validating {@code assigneeRules}: [VALID, VALID-like, the rule under test] at index 2. */
    private static Map<String, String> errorsOfThirdRule(String rule) throws Exception {
        ArrayNode rules = Json.array();
        rules.add(Json.parse(VALID.replace("\"ok\"", "\"a\"")));
        rules.add(Json.parse(VALID.replace("\"ok\"", "\"b\"")));
        rules.add(Json.parse(rule));
        return errors(rules, List.of());
    }

    private static Map<String, String> errors(JsonNode rules, List<AssignmentRule> read) {
        Errors errors = new Errors();
        List<AssignmentRule> result = RuleValidator.validate(rules, "assigneeRules", INSTANCE, CATEGORIES,
                new HashSet<>(), errors);
        try {
            errors.throwIfAny();
            assertThat(result).hasSize(rules.size());
            return Map.of();
        } catch (ValidationException e) {
            return e.details().stream().collect(Collectors.toMap(FieldError::field, FieldError::message,
                    (a, b) -> a + " | " + b));
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{'id': 'r', 'conditions': [{'field': 'colour', 'operator': 'equals', 'value': 'x'}], "
            + "'actions': {'priority': 'Low'}} | assigneeRules[2].conditions[0].field | not a rule field",
        "{'id': 'r', 'conditions': [{'field': 'priority', 'operator': 'contains', 'value': 'x'}], "
            + "'actions': {'priority': 'Low'}} | assigneeRules[2].conditions[0].operator | equals, notEquals, in",
        "{'id': 'r', 'conditions': [{'field': '00000000-0000-0000-0000-000000000000', 'operator': 'equals', "
            + "'value': 'x'}], 'actions': {'priority': 'Low'}} | assigneeRules[2].conditions[0].field "
            + "| custom fields",
        "{'id': 'r', 'conditions': [{'field': '862bd88d-f691-4a7b-a89a-f6f48550fc27', 'operator': 'contains', "
            + "'value': true}], 'actions': {'priority': 'Low'}} | assigneeRules[2].conditions[0].operator "
            + "| custom field 'Blocking work' (toggle)",
        "{'id': 'r', 'conditions': [{'field': '862bd88d-f691-4a7b-a89a-f6f48550fc27', 'operator': 'equals', "
            + "'value': 'yes'}], 'actions': {'priority': 'Low'}} | assigneeRules[2].conditions[0].value "
            + "| true or false",
        "{'id': 'r', 'conditions': [{'field': '5b9f56bc-ec6a-45a3-b7ce-c25e1d8cfd69', 'operator': 'contains', "
            + "'value': 'nope'}], 'actions': {'priority': 'Low'}} | assigneeRules[2].conditions[0].value "
            + "| not an option",
        "{'id': 'r', 'conditions': [{'field': 'priority', 'operator': 'in', 'value': ['Urgent', 'Critical']}], "
            + "'actions': {'priority': 'Low'}} | assigneeRules[2].conditions[0].value | Low, Medium, Important",
        "{'id': 'r', 'conditions': [{'field': 'expectedDate', 'operator': 'before', 'value': '26/07/2023'}], "
            + "'actions': {'priority': 'Low'}} | assigneeRules[2].conditions[0].value | ISO-8601",
        "{'id': 'r', 'conditions': [{'field': 'title', 'operator': 'contains'}], 'actions': {'priority': 'Low'}} "
            + "| assigneeRules[2].conditions[0].value | is required",
        "{'id': 'r', 'actions': {'priority': 'Critical'}} | assigneeRules[2].actions.priority | Urgent",
        "{'id': 'r', 'actions': {'assignee': {'id': 'stranger', 'text': 'S'}}} | assigneeRules[2].actions.assignee.id "
            + "| not one of the instance's assignees.peoples",
        "{'id': 'r', 'actions': {'assign': 'everyone'}} | assigneeRules[2].actions.assign | person, roundRobin",
        "{'id': 'r', 'actions': {'assign': 'person'}} | assigneeRules[2].actions.assignee | is required",
        "{'id': 'r', 'actions': {}} | assigneeRules[2].actions | must do something",
        "{'id': 'r'} | assigneeRules[2].actions | is required",
        "{'id': 'r', 'actions': {'addTags': [{'tagCategoryId': 'nope', 'text': 'x'}]}} "
            + "| assigneeRules[2].actions.addTags[0].tagCategoryId | not a tag category",
        "{'id': 'r', 'actions': {'addTags': [{'tagCategoryId': 'gone', 'text': 'x'}]}} "
            + "| assigneeRules[2].actions.addTags[0].tagCategoryId | has been deleted",
        "{'id': 'r', 'actions': {'addTags': [{'tagCategoryId': '" + TOPIC + "', 'text': 'LEGACY'}]}} "
            + "| assigneeRules[2].actions.addTags[0].text | has been deleted",
        "{'id': 'r', 'match': 'most', 'actions': {'priority': 'Low'}} | assigneeRules[2].match | all",
        "{'id': 'r', 'stopProcessing': 'yes', 'actions': {'priority': 'Low'}} | assigneeRules[2].stopProcessing "
            + "| true or false",
        "{'id': 'a', 'actions': {'priority': 'Low'}} | assigneeRules[2].id | another rule",
        "{'id': 'has space', 'actions': {'priority': 'Low'}} | assigneeRules[2].id | letters, digits",
        "{'actions': {'priority': 'Low'}} | assigneeRules[2].id | is required",
        "{'id': 'r', 'colour': 'red', 'actions': {'priority': 'Low'}} | assigneeRules[2].colour | not a known field",
        "{'id': 'r', 'field': 'priority', 'operator': 'equals', 'value': 'Low', 'actions': {'priority': 'Low'}} "
            + "| assigneeRules[2] | mixes",
        "{'id': 'r', 'field': 'priority', 'operator': 'equals', 'value': 'Low'} | assigneeRules[2].assignees "
            + "| non-empty array",
        "{'id': 'r', 'field': 'priority', 'operator': 'like', 'value': 'Low', 'assignees': [{'id': 'p1'}]} "
            + "| assigneeRules[2].operator | equals, notEquals"
    })
    void invalidRule_isRefused_namingItsPath_andWhatWasExpected(String rule, String path, String expected)
            throws Exception {
        Map<String, String> errors = errorsOfThirdRule(rule.replace('\'', '"'));

        assertThat(errors).containsKey(path.strip());
        assertThat(errors.get(path.strip())).contains(expected.strip());
    }

    @Test
    void roundRobin_isRefused_whenTheInstanceListsNobody() throws Exception {
        ObjectNode definition = AssignmentRulesTest.definition(List.of(), List.of());
        ((ObjectNode) definition.get("assignees")).putArray("peoples");
        Instance nobody = Json.MAPPER.convertValue(definition, Instance.class);
        Errors errors = new Errors();

        RuleValidator.validate(Json.parse("[" + VALID + "]"), "defaultRuleAssignee", nobody, CATEGORIES,
                new HashSet<>(), errors);

        assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.details()).extracting(FieldError::field)
                        .containsExactly("defaultRuleAssignee[0].actions.assign"));
    }

    @Test
    void validRules_inBothForms_areAccepted() throws Exception {
        JsonNode rules = Json.parse("[" + VALID + ", {\"id\": \"legacy\", \"field\": \"title\", \"operator\": "
                + "\"contains\", \"value\": \"printer\", \"assignees\": [{\"id\": \"p1\", \"text\": \"Pat One\"}]}, "
                + "{\"id\": \"tags\", \"name\": \"VIP\", \"match\": \"any\", \"conditions\": [{\"field\": "
                + "\"requestorDomain\", \"operator\": \"endsWith\", \"value\": \"vip.example\"}, {\"field\": \"tags\", "
                + "\"operator\": \"contains\", \"value\": {\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"vip\"}}],"
                + " \"actions\": {\"assignee\": {\"id\": \"p2\", \"text\": \"Pat Two\"}, \"priority\": \"Urgent\", "
                + "\"addTags\": [{\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"vip\"}]}, \"stopProcessing\": "
                + "true}]");

        assertThat(errors(rules, List.of())).isEmpty();
    }
}
