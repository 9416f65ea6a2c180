package dev.ticketing.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.auth.ApiKeys;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.Json;
import dev.ticketing.error.NotFoundException;
import dev.ticketing.model.AssignmentRule;
import dev.ticketing.model.CustomField;
import dev.ticketing.model.CustomFieldOption;
import dev.ticketing.model.Instance;
import dev.ticketing.model.Tag;
import dev.ticketing.model.TagCategory;
import dev.ticketing.store.ApiKeySlot;
import dev.ticketing.store.InstancePage;
import dev.ticketing.store.InstanceStore;
import dev.ticketing.validation.Errors;
import dev.ticketing.validation.FieldReader;
import dev.ticketing.validation.RuleValidator;
import dev.ticketing.validation.ServiceLevelSettings;
import dev.ticketing.validation.TagValidator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Operator actions behind the admin tool: create an instance or replace its definition from JSON, rotate its
 * keys, add or mark deleted custom fields, options, tag categories and tags.
 */
public final class InstanceAdminService {

    static final String ASSIGNEE_RULES = "assigneeRules";
    static final String DEFAULT_RULES = "defaultRuleAssignee";
    static final String AUTOMATIC = "isAutomaticAssignTickets";
    static final Set<String> RULE_SETTINGS = new TreeSet<>(Set.of(ASSIGNEE_RULES, DEFAULT_RULES, AUTOMATIC));

    private final InstanceStore instances;

    public InstanceAdminService(InstanceStore instances) {
        this.instances = instances;
    }

    /**
     * Creates an instance from an IInstance definition plus {@code tagCategories} (ITagCategory[]).
     * {@code fixedPrimaryKey}, when present, is used as the primary key (the sandbox's SANDBOX_API_KEY).
     */
    public CreatedInstance create(JsonNode definition, Optional<String> fixedPrimaryKey, String usageIdentifierKey) {
        return createWithUsageKey(definition, fixedPrimaryKey, instanceId -> usageIdentifierKey);
    }

    /**
     * As above; {@code usageKeyFor} is asked for the instance's API Gateway usage-plan key only once the
     * definition is valid, so a rejected definition leaves no key behind in API Gateway.
     */
    public CreatedInstance createWithUsageKey(JsonNode definition, Optional<String> fixedPrimaryKey,
                                              UnaryOperator<String> usageKeyFor) {
        Errors errors = new Errors();
        if (definition == null || !definition.isObject()) {
            throw new ValidationException("definition", "must be a JSON object (an IInstance)");
        }
        ObjectNode copy = ((ObjectNode) definition).deepCopy();
        JsonNode categoriesNode = copy.remove("tagCategories");
        if (!copy.hasNonNull("id")) {
            copy.put("id", UUID.randomUUID().toString());
        }
        if (!copy.has("enabled")) {
            copy.put("enabled", true);
        }
        JsonNode rules = copy.remove(ASSIGNEE_RULES);
        JsonNode defaultRules = copy.remove(DEFAULT_RULES);
        Instance parsed = parseInstance(copy);
        FieldReader.requiredText(copy.get("name"), "name", 255, errors);
        checkCustomFields(parsed, errors);
        ServiceLevelSettings.check(parsed, errors);
        List<TagCategory> categories = parseTagCategories(categoriesNode, parsed.id(), errors);
        Instance instance = withRules(parsed, rules, defaultRules, categories, errors);
        fixedPrimaryKey.filter(k -> k.length() < 32)
                .ifPresent(k -> errors.add("primaryKey", "must be at least 32 characters"));
        errors.throwIfAny();

        String primary = fixedPrimaryKey.orElseGet(ApiKeys::generate);
        String secondary = ApiKeys.generate();
        StoreFailures.translated(() -> instances.create(instance, categories, ApiKeys.hash(primary),
                ApiKeys.hash(secondary), usageKeyFor.apply(instance.id())));
        return new CreatedInstance(instance.id(), primary, secondary);
    }

    /** Issues a new key for one slot; the previous key of that slot stops working at once. */
    /** The instance, disabled or not; 404 when there is none. */
    public Instance show(String instanceId) {
        return existing(instanceId);
    }

    /** A page of instances in id order, from the instance directory (docs/data-model.md). */
    public InstancePage list(int limit, Optional<String> after) {
        return instances.list(limit, after);
    }

    /**
     * Enables or disables an instance. A disabled instance's requests are refused with 403 by the functions at
     * once (the authorizer cache does not matter: the functions read the instance on every request).
     */
    public Instance setEnabled(String instanceId, boolean enabled) {
        existing(instanceId);
        return updateDefinition(instanceId, stored -> {
            ObjectNode json = Json.MAPPER.valueToTree(stored);
            json.put("enabled", enabled);
            return parseInstance(json);
        });
    }

    /**
     * Replaces the instance's service-level policy ({@code {"enabled", "rules": [{"priority",
     * "firstResponseHours", "resolutionHours"}]}}). Tickets get the new targets when they are created or their
     * priority changes; the targets of existing tickets stay as they were set.
     */
    public Instance setSla(String instanceId, JsonNode sla) {
        if (sla == null || !sla.isObject()) {
            throw new ValidationException("sla", "must be a JSON object {enabled, rules}");
        }
        Instance current = existing(instanceId);
        ObjectNode json = Json.MAPPER.valueToTree(current);
        json.set("sla", sla);
        Instance next = parseInstance(json);
        Errors errors = new Errors();
        ServiceLevelSettings.check(next, errors);
        errors.throwIfAny();
        return updateDefinition(instanceId, stored -> {
            ObjectNode updated = Json.MAPPER.valueToTree(stored);
            updated.set("sla", sla);
            return parseInstance(updated);
        });
    }

    public String rotateKey(String instanceId, ApiKeySlot slot) {
        String key = ApiKeys.generate();
        StoreFailures.translated(() -> instances.replaceKey(instanceId, slot, ApiKeys.hash(key)));
        return key;
    }

    /**
     * Replaces an instance's IInstance definition. Every custom field and option it had must still be there
     * (marked {@code deleted} if retired), because tickets hold values by their ids. Tag categories have their
     * own commands. {@code enabled}, when absent, keeps its current value.
     */
    public Instance replaceDefinition(String instanceId, JsonNode definition) {
        if (definition == null || !definition.isObject()) {
            throw new ValidationException("definition", "must be a JSON object (an IInstance)");
        }
        ObjectNode copy = ((ObjectNode) definition).deepCopy();
        Errors errors = new Errors();
        if (copy.has("tagCategories")) {
            errors.add("tagCategories", "cannot be replaced with the definition; use the tag category commands");
        }
        if (copy.hasNonNull("id") && !instanceId.equals(copy.get("id").asText())) {
            errors.add("id", "must be " + instanceId + " (an instance's id never changes) or be left out");
        }
        FieldReader.requiredText(copy.get("name"), "name", 255, errors);
        errors.throwIfAny();
        copy.put("id", instanceId);
        Instance current = existing(instanceId);
        if (!copy.has("enabled")) {
            copy.put("enabled", current.enabled());
        }
        JsonNode rules = copy.remove(ASSIGNEE_RULES);
        JsonNode defaultRules = copy.remove(DEFAULT_RULES);
        Instance parsed = parseInstance(copy);
        checkCustomFields(parsed, errors);
        ServiceLevelSettings.check(parsed, errors);
        Instance next = withRules(parsed, rules, defaultRules, instances.tagCategories(instanceId), errors);
        errors.throwIfAny();
        return updateDefinition(instanceId, stored -> {
            Errors removed = new Errors();
            DefinitionChanges.checkNothingRemoved(stored, next, removed);
            removed.throwIfAny();
            return next;
        });
    }

    /**
     * Sets an instance's assignment rules: {@code {"assigneeRules"?, "defaultRuleAssignee"?,
     * "isAutomaticAssignTickets"?}}; a member left out keeps its value. The rules are validated against the stored
     * definition (custom fields, assignees) and tag categories, as {@link #replaceDefinition} validates them.
     */
    public Instance setRules(String instanceId, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ValidationException("rules", "must be a JSON object {\"assigneeRules\"?, "
                    + "\"defaultRuleAssignee\"?, \"isAutomaticAssignTickets\"?}");
        }
        Errors errors = new Errors();
        FieldReader.rejectUnknownFields(body, RULE_SETTINGS, "rules", errors);
        if (RULE_SETTINGS.stream().noneMatch(body::has)) {
            errors.add("rules", "must set at least one of " + String.join(", ", RULE_SETTINGS));
        }
        JsonNode automatic = body.get(AUTOMATIC);
        if (automatic != null && !automatic.isBoolean()) {
            errors.add(AUTOMATIC, "must be true or false");
        }
        errors.throwIfAny();
        existing(instanceId);
        List<TagCategory> categories = instances.tagCategories(instanceId);
        return updateDefinition(instanceId, current -> {
            ObjectNode json = Json.MAPPER.valueToTree(current);
            JsonNode rules = body.has(ASSIGNEE_RULES) ? body.get(ASSIGNEE_RULES) : json.remove(ASSIGNEE_RULES);
            JsonNode defaultRules = body.has(DEFAULT_RULES) ? body.get(DEFAULT_RULES) : json.remove(DEFAULT_RULES);
            json.remove(ASSIGNEE_RULES);
            json.remove(DEFAULT_RULES);
            if (automatic != null) {
                json.put(AUTOMATIC, automatic.booleanValue());
            }
            Errors ruleErrors = new Errors();
            Instance next = withRules(parseInstance(json), rules, defaultRules, categories, ruleErrors);
            ruleErrors.throwIfAny();
            return next;
        });
    }

    /**
     * The instance with its rules, once each is valid (docs/instance-model.md, "Assignment rules"); errors name each
     * rule's path. A list that was not sent stays absent.
     */
    private static Instance withRules(Instance instance, JsonNode rules, JsonNode defaultRules,
                                      List<TagCategory> categories, Errors errors) {
        Set<String> ids = new HashSet<>();
        List<AssignmentRule> assigneeRules = RuleValidator.validate(rules, ASSIGNEE_RULES, instance, categories,
                ids, errors);
        List<AssignmentRule> defaults = RuleValidator.validate(defaultRules, DEFAULT_RULES, instance, categories,
                ids, errors);
        ObjectNode json = Json.MAPPER.valueToTree(instance);
        if (rules != null && !rules.isNull()) {
            json.set(ASSIGNEE_RULES, Json.MAPPER.valueToTree(assigneeRules));
        }
        if (defaultRules != null && !defaultRules.isNull()) {
            json.set(DEFAULT_RULES, Json.MAPPER.valueToTree(defaults));
        }
        return Json.MAPPER.convertValue(json, Instance.class);
    }

    /** Adds a custom field (an ICustomField; its id is generated when absent) to {@code customFields}. */
    public Instance addCustomField(String instanceId, JsonNode fieldJson) {
        if (fieldJson == null || !fieldJson.isObject()) {
            throw new ValidationException("field", "must be a JSON object (an ICustomField)");
        }
        ObjectNode copy = ((ObjectNode) fieldJson).deepCopy();
        if (!copy.hasNonNull("id")) {
            copy.put("id", UUID.randomUUID().toString());
        }
        CustomField field = parse(copy, CustomField.class, "field");
        return updateDefinition(instanceId, current -> {
            Instance next = DefinitionChanges.addCustomField(current, field);
            Errors errors = new Errors();
            checkCustomFields(next, errors);
            errors.throwIfAny();
            return next;
        });
    }

    public Instance markCustomFieldDeleted(String instanceId, String fieldId, boolean deleted) {
        existing(instanceId);
        return updateDefinition(instanceId, i -> DefinitionChanges.markFieldDeleted(i, fieldId, deleted));
    }

    /** Adds an option to a single or multiple items picker; returns the new option's id. */
    public String addOption(String instanceId, String fieldId, String text) {
        Errors errors = new Errors();
        String clean = FieldReader.requiredText(textNode(text), "text", 255, errors);
        errors.throwIfAny();
        existing(instanceId);
        CustomFieldOption option = new CustomFieldOption(UUID.randomUUID().toString(), clean, false);
        updateDefinition(instanceId, i -> DefinitionChanges.addOption(i, fieldId, option));
        return option.id();
    }

    public Instance markOptionDeleted(String instanceId, String fieldId, String optionId, boolean deleted) {
        existing(instanceId);
        return updateDefinition(instanceId,
                i -> DefinitionChanges.markOptionDeleted(i, fieldId, optionId, deleted));
    }

    public TagCategory addTagCategory(String instanceId, String text, String color) {
        Errors errors = new Errors();
        String cleanText = FieldReader.requiredText(textNode(text), "text", 100, errors);
        String cleanColor = FieldReader.optionalText(textNode(color), "color", 32, errors);
        errors.throwIfAny();
        existing(instanceId);
        String id = UUID.randomUUID().toString();
        return updateTagCategory(instanceId, id,
                none -> new TagCategory(id, instanceId, cleanText, cleanColor, List.of(), false));
    }

    public TagCategory markTagCategoryDeleted(String instanceId, String categoryId, boolean deleted) {
        return updateTagCategory(instanceId, categoryId,
                c -> DefinitionChanges.markCategoryDeleted(category(c, categoryId), deleted));
    }

    /** Adds a tag to a category, or restores it if it was deleted. */
    public TagCategory addTag(String instanceId, String categoryId, String text) {
        Errors errors = new Errors();
        String clean = FieldReader.requiredText(textNode(text), "text", TagValidator.MAX_TAG_LENGTH, errors);
        errors.throwIfAny();
        return updateTagCategory(instanceId, categoryId,
                c -> DefinitionChanges.addTag(category(c, categoryId), clean));
    }

    public TagCategory markTagDeleted(String instanceId, String categoryId, String text, boolean deleted) {
        return updateTagCategory(instanceId, categoryId,
                c -> DefinitionChanges.markTagDeleted(category(c, categoryId), text.strip(), deleted));
    }

    private Instance updateDefinition(String instanceId, UnaryOperator<Instance> change) {
        return StoreFailures.translated(() -> instances.updateDefinition(instanceId, change));
    }

    private TagCategory updateTagCategory(String instanceId, String categoryId,
                                          Function<Optional<TagCategory>, TagCategory> change) {
        return StoreFailures.translated(() -> instances.updateTagCategory(instanceId, categoryId, change));
    }

    private Instance existing(String instanceId) {
        return instances.find(instanceId)
                .orElseThrow(() -> new NotFoundException("Instance " + instanceId + " does not exist."));
    }

    private static TagCategory category(Optional<TagCategory> category, String categoryId) {
        return category.orElseThrow(() -> new NotFoundException("Tag category " + categoryId + " does not exist."));
    }

    private static JsonNode textNode(String text) {
        return text == null ? null : Json.MAPPER.getNodeFactory().textNode(text);
    }

    private static <T> T parse(ObjectNode json, Class<T> type, String what) {
        try {
            return Json.MAPPER.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                    ? mapping.getPathReference() : what;
            throw new ValidationException(path, "does not match the expected shape: " + e.getOriginalMessage());
        }
    }

    private static Instance parseInstance(ObjectNode definition) {
        LiveInstanceVocabulary.toReference(definition);
        try {
            return Json.MAPPER.treeToValue(definition, Instance.class);
        } catch (JsonProcessingException e) {
            String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                    ? mapping.getPathReference() : "definition";
            throw new ValidationException(path, "does not match the IInstance shape: " + e.getOriginalMessage());
        }
    }

    private static void checkCustomFields(Instance instance, Errors errors) {
        Set<String> optionIds = new HashSet<>();
        for (CustomField field : instance.customFieldsById().values()) {
            String path = "customFields." + field.id();
            if (field.id() == null || field.id().isBlank()) {
                errors.add("customFields", "every custom field needs an id");
            }
            if (field.name() == null || field.name().isBlank()) {
                errors.add(path + ".name", "is required");
            }
            if (field.type() == null) {
                errors.add(path + ".type", "is required");
            }
            field.options().forEach(o -> {
                if (o.id() == null || !optionIds.add(o.id())) {
                    errors.add(path + ".options", "option ids must be present and unique");
                }
            });
        }
    }

    private static List<TagCategory> parseTagCategories(JsonNode node, String instanceId, Errors errors) {
        List<TagCategory> categories = new ArrayList<>();
        if (node == null || node.isNull()) {
            return categories;
        }
        if (!node.isArray()) {
            errors.add("tagCategories", "must be an array of ITagCategory");
            return categories;
        }
        int index = 0;
        for (JsonNode c : node) {
            String path = "tagCategories[" + index++ + "]";
            String id = c.hasNonNull("id") ? c.get("id").asText() : UUID.randomUUID().toString();
            String text = FieldReader.requiredText(c.get("text"), path + ".text", 100, errors);
            String color = FieldReader.optionalText(c.get("color"), path + ".color", 32, errors);
            List<Tag> tags = new ArrayList<>();
            for (JsonNode t : c.path("tags")) {
                String tagText = t.isTextual() ? t.asText() : t.path("text").asText("");
                tags.add(new Tag(tagText.strip(), t.path("deleted").asBoolean(false)));
            }
            categories.add(new TagCategory(id, instanceId, text, color, tags, c.path("deleted").asBoolean(false)));
        }
        return categories;
    }
}
