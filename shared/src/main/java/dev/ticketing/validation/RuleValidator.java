package dev.ticketing.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.model.Assignees;
import dev.ticketing.model.AssignmentRule;
import dev.ticketing.model.CustomField;
import dev.ticketing.model.CustomFieldType;
import dev.ticketing.model.Instance;
import dev.ticketing.model.Persona;
import dev.ticketing.model.Priority;
import dev.ticketing.model.RuleActions;
import dev.ticketing.model.RuleCondition;
import dev.ticketing.model.RuleField;
import dev.ticketing.model.Tag;
import dev.ticketing.model.TagCategory;
import dev.ticketing.model.TicketTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks an instance's {@code assigneeRules} and {@code defaultRuleAssignee} (IRule[]) as the admin tool sets them:
 * known fields and operators suited to them, values of the right type, custom field ids and option ids of the
 * instance, priorities of the enum, assignees among {@code assignees.peoples} when the instance lists its people,
 * tags of live categories. Every error names its path, e.g. {@code assigneeRules[2].conditions[0].operator}.
 */
public final class RuleValidator {

    public static final int MAX_RULES = 50;
    public static final int MAX_CONDITIONS = 20;
    public static final int MAX_LIST_VALUES = 50;
    public static final int MAX_ADDED_TAGS = 10;
    public static final int MAX_TEXT = 255;
    /** Rule ids are part of a storage key (the rule's round-robin turn), so they are short and plain. */
    public static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    static final Set<String> RULE_MEMBERS = Set.of("id", "name", "match", "conditions", "actions", "stopProcessing",
            "field", "operator", "value", "assignees");
    static final Set<String> SINGLE_CONDITION_MEMBERS = Set.of("field", "operator", "value", "assignees");
    static final Set<String> CONDITION_MEMBERS = Set.of("field", "operator", "value");
    static final Set<String> ACTION_MEMBERS = Set.of("assign", "assignee", "priority", "addTags");
    static final Set<String> PERSONA_MEMBERS = Set.of("id", "text", "secondaryText", "imageUrl");

    private RuleValidator() {
    }

    /**
     * Validates one list of rules ({@code path} is its name, {@code assigneeRules} or {@code defaultRuleAssignee});
     * {@code seenIds} carries the ids of lists checked before, since ids are unique across both. Returns the rules
     * read (those with errors are left out; the caller throws when {@code errors} is not empty).
     */
    public static List<AssignmentRule> validate(JsonNode rules, String path, Instance instance,
                                                List<TagCategory> categories, Set<String> seenIds, Errors errors) {
        List<AssignmentRule> result = new ArrayList<>();
        if (rules == null || rules.isNull()) {
            return result;
        }
        if (!rules.isArray()) {
            errors.add(path, "must be an array of IRule");
            return result;
        }
        if (rules.size() > MAX_RULES) {
            errors.add(path, "must have at most " + MAX_RULES + " rules (got " + rules.size() + ")");
            return result;
        }
        int index = 0;
        for (JsonNode rule : rules) {
            Errors ruleErrors = new Errors();
            AssignmentRule read = rule(rule, path + "[" + index++ + "]", instance, categories, seenIds, ruleErrors);
            if (ruleErrors.isEmpty()) {
                result.add(read);
            } else {
                errors.addAll(ruleErrors);
            }
        }
        return result;
    }

    private static AssignmentRule rule(JsonNode rule, String path, Instance instance, List<TagCategory> categories,
                                       Set<String> seenIds, Errors errors) {
        if (!rule.isObject()) {
            errors.add(path, "must be an IRule object {\"id\", \"name\", \"match\", \"conditions\", \"actions\"}");
            return null;
        }
        FieldReader.rejectUnknownFields(rule, RULE_MEMBERS, path, errors);
        String id = FieldReader.requiredText(rule.get("id"), path + ".id", 64, errors);
        if (id != null && !RULE_ID.matcher(id).matches()) {
            errors.add(path + ".id", "must be 1 to 64 letters, digits or _ . : -");
        } else if (id != null && !seenIds.add(id)) {
            errors.add(path + ".id", "'" + id + "' is the id of another rule; rule ids are unique across "
                    + "assigneeRules and defaultRuleAssignee");
        }
        String name = FieldReader.optionalText(rule.get("name"), path + ".name", MAX_TEXT, errors);
        boolean singleCondition = SINGLE_CONDITION_MEMBERS.stream().anyMatch(rule::has);
        if (singleCondition && (rule.has("conditions") || rule.has("actions"))) {
            errors.add(path, "mixes the single-condition form (field, operator, value, assignees) with conditions "
                    + "and actions; use one");
            return null;
        }
        if (singleCondition) {
            return singleConditionRule(rule, path, id, name, instance, categories, errors);
        }
        String match = FieldReader.optionalText(rule.get("match"), path + ".match", 8, errors);
        if (match != null && !match.equals(AssignmentRule.MATCH_ALL) && !match.equals(AssignmentRule.MATCH_ANY)) {
            errors.add(path + ".match", "must be \"all\" or \"any\"");
        }
        List<RuleCondition> conditions = conditions(rule.get("conditions"), path + ".conditions", instance,
                categories, errors);
        JsonNode stopNode = rule.get("stopProcessing");
        boolean stop = stopNode != null && stopNode.isBoolean() && stopNode.booleanValue();
        if (stopNode != null && !stopNode.isNull() && !stopNode.isBoolean()) {
            errors.add(path + ".stopProcessing", "must be true or false");
        }
        RuleActions actions = actions(rule.get("actions"), path + ".actions", instance, categories, errors);
        return AssignmentRule.of(id, name, match == null ? AssignmentRule.MATCH_ALL : match, conditions, actions,
                stop);
    }

    /** The first form of IRule: one condition, and {@code assignees} to assign (one) or take turns among. */
    private static AssignmentRule singleConditionRule(JsonNode rule, String path, String id, String name,
                                                      Instance instance, List<TagCategory> categories,
                                                      Errors errors) {
        for (String member : List.of("match", "stopProcessing")) {
            if (rule.has(member)) {
                errors.add(path + "." + member, "belongs to the conditions and actions form; the single-condition "
                        + "form (field, operator, value, assignees) has no " + member);
            }
        }
        RuleCondition condition = condition(rule, path, instance, categories, errors);
        JsonNode people = rule.get("assignees");
        List<Persona> assignees = new ArrayList<>();
        if (people == null || people.isNull() || !people.isArray() || people.isEmpty()) {
            errors.add(path + ".assignees", "must be a non-empty array of IPersonaProps: one is assigned, several "
                    + "take turns");
        } else {
            int index = 0;
            for (JsonNode person : people) {
                persona(person, path + ".assignees[" + index++ + "]", instance, errors).ifPresent(assignees::add);
            }
        }
        return new AssignmentRule(id, name, null, null, null, null, condition.field(), condition.operator(),
                condition.value(), assignees);
    }

    private static List<RuleCondition> conditions(JsonNode node, String path, Instance instance,
                                                  List<TagCategory> categories, Errors errors) {
        List<RuleCondition> conditions = new ArrayList<>();
        if (node == null || node.isNull()) {
            return conditions;
        }
        if (!node.isArray()) {
            errors.add(path, "must be an array of {\"field\", \"operator\", \"value\"}");
            return conditions;
        }
        if (node.size() > MAX_CONDITIONS) {
            errors.add(path, "must have at most " + MAX_CONDITIONS + " conditions (got " + node.size() + ")");
            return conditions;
        }
        int index = 0;
        for (JsonNode condition : node) {
            String conditionPath = path + "[" + index++ + "]";
            if (!condition.isObject()) {
                errors.add(conditionPath, "must be an object {\"field\", \"operator\", \"value\"}");
                continue;
            }
            FieldReader.rejectUnknownFields(condition, CONDITION_MEMBERS, conditionPath, errors);
            conditions.add(condition(condition, conditionPath, instance, categories, errors));
        }
        return conditions;
    }

    private static RuleCondition condition(JsonNode condition, String path, Instance instance,
                                           List<TagCategory> categories, Errors errors) {
        String field = FieldReader.requiredText(condition.get("field"), path + ".field", MAX_TEXT, errors);
        String operator = FieldReader.requiredText(condition.get("operator"), path + ".operator", 32, errors);
        JsonNode value = condition.get("value");
        if (field == null) {
            return new RuleCondition(null, operator, value);
        }
        Optional<RuleField> known = RuleField.parse(field);
        Optional<CustomField> custom = known.isPresent() ? Optional.empty() : instance.customField(field);
        if (known.isEmpty() && custom.isEmpty()) {
            errors.add(path + ".field", "'" + field + "' is not a rule field; expected one of "
                    + String.join(", ", RuleField.NAMES) + ", or the id of one of this instance's custom fields");
            return new RuleCondition(field, operator, value);
        }
        List<String> operators = known.map(RuleField::operators)
                .orElseGet(() -> RuleField.operatorsFor(custom.get().type()));
        String subject = known.map(f -> "field " + f.name())
                .orElseGet(() -> "custom field '" + custom.get().name() + "' (" + custom.get().type() + ")");
        if (operator == null) {
            return new RuleCondition(field, null, value);
        }
        if (!operators.contains(operator)) {
            errors.add(path + ".operator", "'" + operator + "' does not apply to " + subject + "; expected one of "
                    + String.join(", ", operators));
            return new RuleCondition(field, operator, value);
        }
        String valuePath = path + ".value";
        if (value == null || value.isNull()) {
            errors.add(valuePath, "is required");
        } else if (known.isPresent()) {
            knownFieldValue(known.get(), operator, value, valuePath, categories, errors);
        } else {
            customFieldValue(custom.get(), operator, value, valuePath, errors);
        }
        return new RuleCondition(field, operator, value);
    }

    private static void knownFieldValue(RuleField field, String operator, JsonNode value, String path,
                                        List<TagCategory> categories, Errors errors) {
        boolean list = RuleField.LIST_OPERATORS.contains(operator);
        switch (field) {
            case priority -> {
                for (JsonNode one : list ? strings(value, path, errors) : List.of(value)) {
                    if (!one.isTextual() || Priority.parse(one.textValue()).isEmpty()) {
                        errors.add(path, "must be " + (list ? "an array of priorities, each " : "") + "one of "
                                + String.join(", ", Priority.NAMES));
                        return;
                    }
                }
            }
            case tags -> {
                if (value.isTextual()) {
                    text(value, path, errors);
                } else if (value.isObject()) {
                    tag(value, path, categories, false, errors);
                } else {
                    errors.add(path, "must be a tag's text (in any category) or {\"tagCategoryId\", \"text\"}");
                }
            }
            case expectedDate -> date(value, path, errors);
            default -> {
                if (list) {
                    strings(value, path, errors);
                } else {
                    text(value, path, errors);
                }
            }
        }
    }

    private static void customFieldValue(CustomField field, String operator, JsonNode value, String path,
                                         Errors errors) {
        CustomFieldType type = field.type();
        switch (type) {
            case toggle -> {
                if (!value.isBoolean()) {
                    errors.add(path, "must be true or false (custom field '" + field.name() + "' is a toggle)");
                }
            }
            case number -> {
                if (!value.isNumber()) {
                    errors.add(path, "must be a number (custom field '" + field.name() + "' is a number)");
                }
            }
            case datePicker -> date(value, path, errors);
            case singleItemPicker, multipleItemsPicker -> {
                List<JsonNode> ids = "in".equals(operator) ? strings(value, path, errors) : List.of(value);
                for (JsonNode id : ids) {
                    if (!id.isTextual()) {
                        errors.add(path, "must be an option id of custom field '" + field.name() + "'");
                    } else if (field.option(id.textValue()).isEmpty()) {
                        errors.add(path, "'" + id.textValue() + "' is not an option of custom field '" + field.name()
                                + "'; expected one of " + field.options().stream().map(o -> o.id() + " (" + o.text()
                                + ")").collect(Collectors.joining(", ")));
                    }
                }
            }
            case peoplePicker -> text(value, path, errors);
            default -> text(value, path, errors);
        }
    }

    private static RuleActions actions(JsonNode node, String path, Instance instance, List<TagCategory> categories,
                                       Errors errors) {
        if (node == null || node.isNull()) {
            errors.add(path, "is required: {\"assign\"?, \"assignee\"?, \"priority\"?, \"addTags\"?}");
            return RuleActions.NONE;
        }
        if (!node.isObject()) {
            errors.add(path, "must be an object {\"assign\"?, \"assignee\"?, \"priority\"?, \"addTags\"?}");
            return RuleActions.NONE;
        }
        FieldReader.rejectUnknownFields(node, ACTION_MEMBERS, path, errors);
        String assign = FieldReader.optionalText(node.get("assign"), path + ".assign", 16, errors);
        if (assign != null && !RuleActions.ASSIGN_VALUES.contains(assign)) {
            errors.add(path + ".assign", "must be one of " + String.join(", ", RuleActions.ASSIGN_VALUES));
        }
        Persona assignee = null;
        if (node.hasNonNull("assignee")) {
            assignee = persona(node.get("assignee"), path + ".assignee", instance, errors).orElse(null);
            if (RuleActions.ASSIGN_ROUND_ROBIN.equals(assign)) {
                errors.add(path + ".assignee", "cannot be given with \"assign\": \"roundRobin\", which picks the "
                        + "next of assignees.peoples");
            }
        } else if (RuleActions.ASSIGN_PERSON.equals(assign)) {
            errors.add(path + ".assignee", "is required with \"assign\": \"person\"");
        }
        if (RuleActions.ASSIGN_ROUND_ROBIN.equals(assign) && people(instance).isEmpty()) {
            errors.add(path + ".assign", "\"roundRobin\" takes turns among the instance's assignees.peoples, "
                    + "which lists nobody; add people there first");
        }
        Priority priority = FieldReader.priority(node.get("priority"), path + ".priority", errors);
        List<TicketTag> addTags = null;
        JsonNode tags = node.get("addTags");
        if (tags != null && !tags.isNull()) {
            addTags = new ArrayList<>();
            if (!tags.isArray() || tags.isEmpty() || tags.size() > MAX_ADDED_TAGS) {
                errors.add(path + ".addTags", "must be an array of 1 to " + MAX_ADDED_TAGS
                        + " {\"tagCategoryId\", \"text\"}");
            } else {
                int index = 0;
                for (JsonNode tag : tags) {
                    tag(tag, path + ".addTags[" + index++ + "]", categories, true, errors).ifPresent(addTags::add);
                }
            }
        }
        if (assign == null && assignee == null && priority == null && addTags == null) {
            errors.add(path, "must do something: assign (\"assignee\" or \"assign\": \"roundRobin\"), set "
                    + "\"priority\" or \"addTags\"");
        }
        String effectiveAssign = assign == null && assignee != null ? RuleActions.ASSIGN_PERSON : assign;
        return new RuleActions(effectiveAssign, assignee, priority == null ? null : priority.name(), addTags);
    }

    /** An IPersonaProps; when the instance lists its people (a custom list), it must be one of them. */
    private static Optional<Persona> persona(JsonNode node, String path, Instance instance, Errors errors) {
        if (!node.isObject()) {
            errors.add(path, "must be an IPersonaProps object {\"id\", \"text\", \"secondaryText\"}");
            return Optional.empty();
        }
        FieldReader.rejectUnknownFields(node, PERSONA_MEMBERS, path, errors);
        String id = FieldReader.requiredText(node.get("id"), path + ".id", FieldReader.MAX_USER_TEXT_LENGTH, errors);
        String text = FieldReader.optionalText(node.get("text"), path + ".text", FieldReader.MAX_USER_TEXT_LENGTH,
                errors);
        String email = FieldReader.optionalText(node.get("secondaryText"), path + ".secondaryText",
                FieldReader.MAX_USER_TEXT_LENGTH, errors);
        String imageUrl = FieldReader.optionalText(node.get("imageUrl"), path + ".imageUrl", 2048, errors);
        if (email != null && !email.isEmpty() && !email.contains("@")) {
            errors.add(path + ".secondaryText", "must be an email address");
        }
        Assignees assignees = instance.assignees();
        List<Persona> people = people(instance);
        if (id != null && assignees != null && "customAssignee".equals(assignees.type()) && !people.isEmpty()
                && people.stream().noneMatch(p -> id.equals(p.id()))) {
            errors.add(path + ".id", "'" + id + "' is not one of the instance's assignees.peoples; expected one of "
                    + people.stream().map(p -> p.id() + " (" + p.text() + ")").collect(Collectors.joining(", ")));
        }
        return id == null ? Optional.empty() : Optional.of(new Persona(id, text, email, imageUrl));
    }

    private static List<Persona> people(Instance instance) {
        Assignees assignees = instance.assignees();
        return assignees == null || assignees.peoples() == null ? List.of() : assignees.peoples();
    }

    /**
     * A tag {@code {tagCategoryId, text}} of a category that exists and is not deleted, and not a deleted tag. A
     * tag to add may be new to its category (the ticket's write adds it, as for a client's tag).
     */
    private static Optional<TicketTag> tag(JsonNode node, String path, List<TagCategory> categories, boolean toAdd,
                                           Errors errors) {
        if (!node.isObject()) {
            errors.add(path, "must be an object {\"tagCategoryId\", \"text\"}");
            return Optional.empty();
        }
        FieldReader.rejectUnknownFields(node, Set.of("tagCategoryId", "text"), path, errors);
        String categoryId = FieldReader.requiredText(node.get("tagCategoryId"), path + ".tagCategoryId",
                TagValidator.MAX_CATEGORY_ID_LENGTH, errors);
        String text = FieldReader.requiredText(node.get("text"), path + ".text", TagValidator.MAX_TAG_LENGTH, errors);
        if (categoryId == null || text == null) {
            return Optional.empty();
        }
        Optional<TagCategory> category = categories.stream().filter(c -> c.id().equals(categoryId)).findFirst();
        if (category.isEmpty()) {
            errors.add(path + ".tagCategoryId", "'" + categoryId + "' is not a tag category of this instance; "
                    + "expected one of " + categories.stream().filter(c -> !c.deleted())
                    .map(c -> c.id() + " (" + c.text() + ")").collect(Collectors.joining(", ")));
            return Optional.empty();
        }
        if (toAdd && category.get().deleted()) {
            errors.add(path + ".tagCategoryId", "tag category '" + category.get().text() + "' has been deleted");
            return Optional.empty();
        }
        Optional<Tag> existing = category.get().tag(text);
        if (toAdd && existing.isPresent() && existing.get().deleted()) {
            errors.add(path + ".text", "tag '" + existing.get().text() + "' has been deleted from category '"
                    + category.get().text() + "'");
            return Optional.empty();
        }
        return Optional.of(new TicketTag(categoryId, existing.map(Tag::text).orElse(text)));
    }

    private static void text(JsonNode value, String path, Errors errors) {
        if (!value.isTextual() || value.textValue().isBlank() || value.textValue().length() > MAX_TEXT) {
            errors.add(path, "must be a non-blank string of at most " + MAX_TEXT + " characters");
        }
    }

    private static void date(JsonNode value, String path, Errors errors) {
        if (!value.isTextual() || FieldReader.parseDateTime(value.textValue()).isEmpty()) {
            errors.add(path, "must be an ISO-8601 date-time such as 2026-03-01T09:00:00Z or a date such as "
                    + "2026-03-01 (midnight UTC)");
        }
    }

    private static List<JsonNode> strings(JsonNode value, String path, Errors errors) {
        if (!value.isArray() || value.isEmpty() || value.size() > MAX_LIST_VALUES) {
            errors.add(path, "must be an array of 1 to " + MAX_LIST_VALUES + " values");
            return List.of();
        }
        List<JsonNode> values = new ArrayList<>();
        for (JsonNode one : value) {
            if (!one.isTextual() || one.textValue().isBlank() || one.textValue().length() > MAX_TEXT) {
                errors.add(path, "must be an array of non-blank strings of at most " + MAX_TEXT + " characters");
                return List.of();
            }
            values.add(one);
        }
        return values;
    }
}
