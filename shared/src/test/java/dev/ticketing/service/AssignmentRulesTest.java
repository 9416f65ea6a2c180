package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.Json;
import dev.ticketing.model.Instance;
import dev.ticketing.model.Priority;
import dev.ticketing.model.Tag;
import dev.ticketing.model.TagCategory;
import dev.ticketing.model.TicketTag;
import dev.ticketing.model.User;
import dev.ticketing.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AssignmentRulesTest {

    private static final String TOPIC = "2283653a-8d36-40eb-9a68-73eb3b331811";
    private static final String ASSET_TAG = "7670050a-cf1a-4d3d-8179-5eba888dea5f";
    private static final String BLOCKING = "862bd88d-f691-4a7b-a89a-f6f48550fc27";
    private static final String NEEDED_BY = "7ee98e41-c4d0-4d4c-beb9-2b7f8f8c35c8";
    private static final String LOCATION = "5b9f56bc-ec6a-45a3-b7ce-c25e1d8cfd69";
    private static final String HEAD_OFFICE = "f72541a9-c964-4c81-bc1a-4f1f2d948416";
    private static final String REMOTE = "3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    private static final String SYSTEMS = "fef751d6-067d-431b-8a6d-667056eff6ee";
    private static final String EMAIL_SYSTEM = "70d42d78-899a-4d5e-8cf0-79a0e4a6b0b1";
    private static final String VPN_SYSTEM = "fe68df23-432e-4c0f-9841-a018b7f46d0b";
    private static final String WATCHERS = "dcd58c80-xxxx-xxxx-xxxx-xxxxxxxxxxxxxxx";
    private static final String NUMBER = "5f0e2d1b-aaaa-4c4e-9a43-0000000000aa";

    private static final List<TagCategory> CATEGORIES = List.of(
            new TagCategory(TOPIC, "i", "Topic", null, List.of(new Tag("VPN", false), new Tag("legacy", true)),
                    false),
            new TagCategory("gone", "i", "Gone", null, List.of(), true));

    private static final User JANE = new User("u-jane", "Jane Roe", "jane@Sub.Example.com");
    private static final User ALEX = new User("708edddc-xxxx-xxxx-xxxx-xxxxxxxxxxx", "Alex Wilber",
            "AlexW@xxxxxxxx.com");

    /** The ticket every condition below is tested on. */
    private static NewTicket ticket() {
        ObjectNode fields = Json.object();
        fields.put(ASSET_TAG, "LAPTOP-42");
        fields.put(BLOCKING, true);
        fields.put(NEEDED_BY, "2026-03-10T00:00:00Z");
        fields.putArray(LOCATION).add(HEAD_OFFICE);
        fields.putArray(SYSTEMS).add(EMAIL_SYSTEM);
        fields.putArray(WATCHERS).addObject().put("id", "w1").put("name", "Wat Cher").put("email", "watch@example.com");
        fields.put(NUMBER, 12);
        return new NewTicket("Printer jam on floor 3", "The VPN drops too", null, JANE, Priority.Urgent, null,
                Instant.parse("2026-03-05T12:00:00Z"), fields, List.of(new TicketTag(TOPIC, "VPN")), List.of(), JANE);
    }

    static Stream<Arguments> conditions() {
        return Stream.of(
                Arguments.of("priority", "equals", "\"Urgent\"", true),
                Arguments.of("priority", "equals", "\"Low\"", false),
                Arguments.of("priority", "notEquals", "\"Low\"", true),
                Arguments.of("priority", "in", "[\"Important\", \"Urgent\"]", true),
                Arguments.of("priority", "notIn", "[\"Important\", \"Urgent\"]", false),
                Arguments.of("tags", "contains", "\"vpn\"", true),
                Arguments.of("tags", "contains", "{\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"Vpn\"}", true),
                Arguments.of("tags", "contains", "{\"tagCategoryId\": \"other\", \"text\": \"VPN\"}", false),
                Arguments.of("tags", "notContains", "\"printer\"", true),
                Arguments.of("tags", "notContains", "\"VPN\"", false),
                Arguments.of("requestorEmail", "equals", "\"JANE@sub.example.com\"", true),
                Arguments.of("requestorEmail", "notEquals", "\"jane@sub.example.com\"", false),
                Arguments.of("requestorEmail", "contains", "\"jane@\"", true),
                Arguments.of("requestorEmail", "endsWith", "\"@sub.example.com\"", true),
                Arguments.of("requestorEmail", "in", "[\"a@b.c\", \"jane@sub.example.com\"]", true),
                Arguments.of("requestorDomain", "equals", "\"sub.example.com\"", true),
                Arguments.of("requestorDomain", "equals", "\"example.com\"", false),
                Arguments.of("requestorDomain", "endsWith", "\"example.com\"", true),
                Arguments.of("requestorDomain", "endsWith", "\"ample.com\"", false),
                Arguments.of("requestorDomain", "notEquals", "\"example.org\"", true),
                Arguments.of("requestorDomain", "in", "[\"example.org\", \"SUB.example.com\"]", true),
                Arguments.of("title", "contains", "\"PRINTER\"", true),
                Arguments.of("title", "notContains", "\"printer\"", false),
                Arguments.of("title", "containsAny", "[\"scanner\", \"jam\"]", true),
                Arguments.of("title", "containsAny", "[\"scanner\", \"fax\"]", false),
                Arguments.of("description", "contains", "\"vpn\"", true),
                Arguments.of("description", "notContains", "\"wifi\"", true),
                Arguments.of("description", "containsAny", "[\"wifi\"]", false),
                Arguments.of("expectedDate", "before", "\"2026-03-06\"", true),
                Arguments.of("expectedDate", "before", "\"2026-03-05T12:00:00Z\"", false),
                Arguments.of("expectedDate", "after", "\"2026-03-05T11:59:59+00:00\"", true),
                Arguments.of("expectedDate", "after", "\"2026-03-06\"", false),
                Arguments.of(ASSET_TAG, "equals", "\"laptop-42\"", true),
                Arguments.of(ASSET_TAG, "notEquals", "\"laptop-42\"", false),
                Arguments.of(ASSET_TAG, "contains", "\"top\"", true),
                Arguments.of(ASSET_TAG, "notContains", "\"desk\"", true),
                Arguments.of(BLOCKING, "equals", "true", true),
                Arguments.of(BLOCKING, "equals", "false", false),
                Arguments.of(NUMBER, "equals", "12.0", true),
                Arguments.of(NUMBER, "notEquals", "12", false),
                Arguments.of(NUMBER, "greaterThan", "11.5", true),
                Arguments.of(NUMBER, "lessThan", "12", false),
                Arguments.of(NEEDED_BY, "before", "\"2026-03-11\"", true),
                Arguments.of(NEEDED_BY, "after", "\"2026-03-11\"", false),
                Arguments.of(LOCATION, "contains", "\"" + HEAD_OFFICE + "\"", true),
                Arguments.of(LOCATION, "notContains", "\"" + HEAD_OFFICE + "\"", false),
                Arguments.of(LOCATION, "in", "[\"" + REMOTE + "\", \"" + HEAD_OFFICE + "\"]", true),
                Arguments.of(SYSTEMS, "contains", "\"" + VPN_SYSTEM + "\"", false),
                Arguments.of(SYSTEMS, "notContains", "\"" + VPN_SYSTEM + "\"", true),
                Arguments.of(WATCHERS, "contains", "\"WATCH@example.com\"", true),
                Arguments.of(WATCHERS, "contains", "\"w1\"", true),
                Arguments.of(WATCHERS, "notContains", "\"other@example.com\"", true),
                Arguments.of("unknownField", "equals", "\"x\"", false));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("conditions")
    void condition_holdsExactlyWhenItsFieldComparesWithItsOperator(String field, String operator, String value,
                                                                    boolean holds) throws Exception {
        ObjectNode rule = rule("r1", "one condition", "all", List.of(condition(field, operator, value)),
                "{\"priority\": \"Low\"}", false);

        AssignmentRules.Outcome outcome = AssignmentRules.apply(instance(List.of(rule), List.of()), ticket(),
                CATEGORIES);

        assertThat(outcome.matched()).isEqualTo(holds);
        assertThat(outcome.ticket().priority()).isEqualTo(holds ? Priority.Low : Priority.Urgent);
    }

    @Test
    void conditionOnACustomFieldWithoutValue_holdsOnlyForNegations() throws Exception {
        NewTicket empty = new NewTicket("t", null, null, JANE, Priority.Medium, null, null, Json.object(), List.of(),
                List.of(), JANE);
        ObjectNode notEquals = rule("a", "a", "all", List.of(condition(ASSET_TAG, "notEquals", "\"x\"")),
                "{\"priority\": \"Low\"}", false);
        ObjectNode equals = rule("b", "b", "all", List.of(condition(ASSET_TAG, "equals", "\"x\"")),
                "{\"priority\": \"Urgent\"}", false);

        AssignmentRules.Outcome outcome = AssignmentRules.apply(instance(List.of(notEquals, equals), List.of()), empty,
                CATEGORIES);

        assertThat(outcome.applied()).extracting(a -> a.rule().id()).containsExactly("a");
    }

    @Test
    void matchAll_needsEveryCondition_matchAny_needsOne() throws Exception {
        List<ObjectNode> conditions = List.of(condition("priority", "equals", "\"Urgent\""),
                condition("title", "contains", "\"scanner\""));
        ObjectNode all = rule("all", "all", "all", conditions, "{\"addTags\": [{\"tagCategoryId\": \"" + TOPIC
                + "\", \"text\": \"all\"}]}", false);
        ObjectNode any = rule("any", "any", "any", conditions, "{\"addTags\": [{\"tagCategoryId\": \"" + TOPIC
                + "\", \"text\": \"any\"}]}", false);

        AssignmentRules.Outcome outcome = AssignmentRules.apply(instance(List.of(all, any), List.of()), ticket(),
                CATEGORIES);

        assertThat(outcome.applied()).extracting(a -> a.rule().id()).containsExactly("any");
    }

    @Test
    void laterMatchingRules_overrideAssigneeAndPriority_tagsAddUp_andStopProcessingEndsTheList() throws Exception {
        ObjectNode first = rule("first", "Urgent to Alex", "all", List.of(condition("priority", "equals",
                "\"Urgent\"")), "{\"assignee\": " + alex() + ", \"priority\": \"Important\", \"addTags\": "
                + "[{\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"vpn\"}, {\"tagCategoryId\": \"" + TOPIC
                + "\", \"text\": \"hardware\"}]}", false);
        // Sees the priority the first rule set.
        ObjectNode second = rule("second", "Important round-robin", "all", List.of(condition("priority", "equals",
                "\"Important\"")), "{\"assign\": \"roundRobin\", \"priority\": \"Low\", \"addTags\": "
                + "[{\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"triaged\"}]}", true);
        ObjectNode third = rule("third", "never reached", "all", List.of(), "{\"priority\": \"Urgent\"}", false);

        AssignmentRules.Outcome outcome = AssignmentRules.apply(instance(List.of(first, second, third), List.of()),
                ticket(), CATEGORIES);

        assertThat(outcome.applied()).extracting(a -> a.rule().id()).containsExactly("first", "second");
        assertThat(outcome.applied().get(0).changed()).containsExactly("assignee", "priority", "tags");
        assertThat(outcome.ticket().priority()).isEqualTo(Priority.Low);
        assertThat(outcome.roundRobin().id()).isEqualTo("second");
        assertThat(outcome.ticket().assignee()).isNull();
        // "vpn" is the existing tag (kept in its spelling); the two new texts join the category.
        assertThat(outcome.ticket().tags()).containsExactly(new TicketTag(TOPIC, "VPN"),
                new TicketTag(TOPIC, "hardware"), new TicketTag(TOPIC, "triaged"));
        assertThat(outcome.ticket().newTags()).containsExactly(new TicketTag(TOPIC, "hardware"),
                new TicketTag(TOPIC, "triaged"));
    }

    @Test
    void roundRobin_givesTurnModuloThePeople() throws Exception {
        ObjectNode rule = rule("rr", "rr", "all", List.of(), "{\"assign\": \"roundRobin\"}", false);

        AssignmentRules.Outcome outcome = AssignmentRules.apply(instance(List.of(rule), List.of()), ticket(),
                CATEGORIES);

        assertThat(outcome.pool()).hasSize(3);
        assertThat(outcome.assigneeAt(0).id()).isEqualTo("p1");
        assertThat(outcome.assigneeAt(4).id()).isEqualTo("p2");
        assertThat(outcome.assigneeAt(8).id()).isEqualTo("p3");
    }

    @Test
    void defaultRules_applyOnlyWhenNoRuleMatched() throws Exception {
        ObjectNode low = rule("low", "Low tickets", "all", List.of(condition("priority", "equals", "\"Low\"")),
                "{\"assign\": \"roundRobin\"}", false);
        ObjectNode fallback = rule("fallback", "Everything else", "all", List.of(), "{\"assignee\": " + alex() + "}",
                false);
        Instance instance = instance(List.of(low), List.of(fallback));

        AssignmentRules.Outcome urgent = AssignmentRules.apply(instance, ticket(), CATEGORIES);
        NewTicket lowTicket = new NewTicket("t", null, null, JANE, Priority.Low, null, null, Json.object(), List.of(),
                List.of(), JANE);
        AssignmentRules.Outcome matched = AssignmentRules.apply(instance, lowTicket, CATEGORIES);

        assertThat(urgent.applied()).extracting(a -> a.rule().id()).containsExactly("fallback");
        assertThat(urgent.ticket().assignee()).isEqualTo(ALEX);
        assertThat(matched.applied()).extracting(a -> a.rule().id()).containsExactly("low");
    }

    @Test
    void explicitAssignee_winsOverAssignActions_whilePriorityAndTagsStillApply() throws Exception {
        ObjectNode rule = rule("r", "r", "all", List.of(), "{\"assignee\": " + alex() + ", \"priority\": \"Low\"}",
                false);
        NewTicket sent = ticket();
        User chosen = new User("u-chosen", "Chosen", "chosen@example.com");
        NewTicket withAssignee = new NewTicket(sent.title(), sent.description(), null, JANE, sent.priority(), chosen,
                sent.expectedDate(), sent.customFields(), sent.tags(), List.of(), JANE);

        AssignmentRules.Outcome outcome = AssignmentRules.apply(instance(List.of(rule), List.of()), withAssignee,
                CATEGORIES);

        assertThat(outcome.ticket().assignee()).isEqualTo(chosen);
        assertThat(outcome.roundRobin()).isNull();
        assertThat(outcome.ticket().priority()).isEqualTo(Priority.Low);
        assertThat(outcome.applied().get(0).changed()).containsExactly("priority");
        assertThat(outcome.details(Json.array()).path("assigneeFromRequest").asBoolean()).isTrue();
    }

    @Test
    void automationOff_appliesNothing() throws Exception {
        ObjectNode rule = rule("r", "r", "all", List.of(), "{\"priority\": \"Low\"}", false);
        ObjectNode definition = definition(List.of(rule), List.of());
        definition.put("isAutomaticAssignTickets", false);

        AssignmentRules.Outcome outcome = AssignmentRules.apply(Json.MAPPER.convertValue(definition, Instance.class),
                ticket(), CATEGORIES);

        assertThat(outcome.matched()).isFalse();
        assertThat(outcome.ticket()).isEqualTo(ticket());
    }

    @Test
    void singleConditionForm_assignsItsOnePerson_andTakesTurnsAmongSeveral() throws Exception {
        ObjectNode one = (ObjectNode) Json.parse("{\"id\": \"old-1\", \"field\": \"priority\", \"operator\": "
                + "\"equals\", \"value\": \"Low\", \"assignees\": [" + alex() + "]}");
        ObjectNode several = (ObjectNode) Json.parse("{\"id\": \"old-2\", \"field\": \"title\", \"operator\": "
                + "\"contains\", \"value\": \"printer\", \"assignees\": [{\"id\": \"x1\", \"text\": \"X\"}, "
                + "{\"id\": \"x2\", \"text\": \"Y\"}]}");

        AssignmentRules.Outcome outcome = AssignmentRules.apply(instance(List.of(one, several), List.of()), ticket(),
                CATEGORIES);
        AssignmentRules.Outcome low = AssignmentRules.apply(instance(List.of(one), List.of()),
                new NewTicket("t", null, null, JANE, Priority.Low, null, null, Json.object(), List.of(), List.of(),
                        JANE), CATEGORIES);

        assertThat(outcome.applied()).extracting(a -> a.rule().id()).containsExactly("old-2");
        assertThat(outcome.roundRobin().id()).isEqualTo("old-2");
        assertThat(outcome.assigneeAt(1).id()).isEqualTo("x2");
        assertThat(low.ticket().assignee()).isEqualTo(ALEX);
    }

    @Test
    void tagsOfDeletedCategoriesOrDeletedTags_areSkipped_notErrors() throws Exception {
        ObjectNode rule = rule("r", "r", "all", List.of(), "{\"addTags\": [{\"tagCategoryId\": \"gone\", \"text\": "
                + "\"x\"}, {\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"LEGACY\"}]}", false);

        AssignmentRules.Outcome outcome = AssignmentRules.apply(instance(List.of(rule), List.of()), ticket(),
                CATEGORIES);

        assertThat(outcome.matched()).isTrue();
        assertThat(outcome.applied().get(0).changed()).isEmpty();
        assertThat(outcome.ticket().tags()).containsExactly(new TicketTag(TOPIC, "VPN"));
    }

    private static String alex() {
        return "{\"id\": \"708edddc-xxxx-xxxx-xxxx-xxxxxxxxxxx\", \"text\": \"Alex Wilber\", "
                + "\"secondaryText\": \"AlexW@xxxxxxxx.com\"}";
    }

    static ObjectNode condition(String field, String operator, String value) throws Exception {
        ObjectNode condition = Json.object();
        condition.put("field", field);
        condition.put("operator", operator);
        condition.set("value", Json.parse(value));
        return condition;
    }

    static ObjectNode rule(String id, String name, String match, List<ObjectNode> conditions, String actions,
                           boolean stop) throws Exception {
        ObjectNode rule = Json.object();
        rule.put("id", id);
        rule.put("name", name);
        rule.put("match", match);
        ArrayNode list = rule.putArray("conditions");
        conditions.forEach(list::add);
        rule.set("actions", Json.parse(actions));
        rule.put("stopProcessing", stop);
        return rule;
    }

    private static Instance instance(List<ObjectNode> rules, List<ObjectNode> defaults) {
        return Json.MAPPER.convertValue(definition(rules, defaults), Instance.class);
    }

    /** The demo instance, three people and a number field, automation on, with these rules. */
    static ObjectNode definition(List<? extends JsonNode> rules, List<? extends JsonNode> defaults) {
        ObjectNode definition = Fixtures.demoDefinition();
        definition.remove("tagCategories");
        ((ArrayNode) definition.get("customFields")).addObject().put("id", NUMBER).put("name", "Seats")
                .put("type", "number").put("required", false).put("deleted", false);
        ArrayNode people = ((ObjectNode) definition.get("assignees")).putArray("peoples");
        people.addObject().put("id", "p1").put("text", "Pat One").put("secondaryText", "p1@example.com");
        people.addObject().put("id", "p2").put("text", "Pat Two").put("secondaryText", "p2@example.com");
        people.addObject().put("id", "p3").put("text", "Pat Three").put("secondaryText", "p3@example.com");
        definition.put("isAutomaticAssignTickets", true);
        definition.set("assigneeRules", Json.MAPPER.valueToTree(rules));
        definition.set("defaultRuleAssignee", Json.MAPPER.valueToTree(defaults));
        return definition;
    }
}
