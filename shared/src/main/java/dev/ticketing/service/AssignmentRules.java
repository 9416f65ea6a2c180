package dev.ticketing.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.model.AssignmentRule;
import dev.ticketing.model.CustomField;
import dev.ticketing.model.Instance;
import dev.ticketing.model.Persona;
import dev.ticketing.model.Priority;
import dev.ticketing.model.RuleActions;
import dev.ticketing.model.RuleCondition;
import dev.ticketing.model.RuleField;
import dev.ticketing.model.Tag;
import dev.ticketing.model.TagCategory;
import dev.ticketing.model.TicketTag;
import dev.ticketing.model.User;
import dev.ticketing.validation.FieldReader;
import dev.ticketing.validation.TagValidator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Applies an instance's assignment rules to a new ticket (docs/instance-model.md, "Assignment rules"): when
 * {@code isAutomaticAssignTickets} is true, each rule of {@code assigneeRules} in order whose conditions hold applies
 * its actions (a later assignee or priority replaces an earlier one; tags add up), and a matching rule with
 * {@code stopProcessing} ends the list; when none matched, the rules of {@code defaultRuleAssignee} apply the same
 * way (a default rule without conditions always matches). Conditions see the ticket as the rules before changed it.
 * An assignee sent by the client is kept: assign actions then change nothing.
 */
public final class AssignmentRules {

    private AssignmentRules() {
    }

    /** A rule that matched, and the fields its actions set ({@code assignee}, {@code priority}, {@code tags}). */
    public record Applied(AssignmentRule rule, List<String> changed) {
    }

    /**
     * What the rules did. {@code ticket} is the request with the rules' priority, tags and fixed assignee; when
     * {@code roundRobin} is not null, that rule's next turn among {@code pool} picks the assignee instead.
     */
    public record Outcome(NewTicket ticket, List<Applied> applied, AssignmentRule roundRobin, List<Persona> pool,
                          boolean assigneeFromRequest) {

        public boolean matched() {
            return !applied.isEmpty();
        }

        /** The person whose turn {@code turn} is (turns count from 0; the pool may have changed between turns). */
        public User assigneeAt(long turn) {
            return user(pool.get((int) Math.floorMod(turn, (long) pool.size())));
        }

        /**
         * The details of the activity that records the rules: {@code rules} (each matched rule's id, name and the
         * fields it set) and {@code changes} as an update's ({@code [{name, oldValue, newValue}]}).
         */
        public ObjectNode details(ArrayNode changes) {
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            ArrayNode rules = details.putArray("rules");
            for (Applied one : applied) {
                ObjectNode rule = rules.addObject();
                rule.put("id", one.rule().id());
                rule.put("name", one.rule().name() == null ? one.rule().id() : one.rule().name());
                ArrayNode changed = rule.putArray("changed");
                one.changed().forEach(changed::add);
            }
            if (assigneeFromRequest) {
                details.put("assigneeFromRequest", true);
            }
            details.set("changes", changes);
            return details;
        }
    }

    /** The outcome of the instance's rules for {@code request}; nothing applies when automation is off. */
    public static Outcome apply(Instance instance, NewTicket request, List<TagCategory> categories) {
        Run run = new Run(instance, request, categories);
        if (Boolean.TRUE.equals(instance.isAutomaticAssignTickets())) {
            run.applyList(instance.assigneeRules());
            if (run.applied.isEmpty()) {
                run.applyList(instance.defaultRuleAssignee());
            }
        }
        return run.outcome();
    }

    /** One evaluation: the ticket's state as the rules change it. */
    private static final class Run {
        private final Instance instance;
        private final NewTicket request;
        private final List<TagCategory> categories;
        private final List<Applied> applied = new ArrayList<>();
        private Priority priority;
        private final List<TicketTag> tags;
        private User assignee;
        private AssignmentRule roundRobin;
        private boolean assignActionIgnored;

        Run(Instance instance, NewTicket request, List<TagCategory> categories) {
            this.instance = instance;
            this.request = request;
            this.categories = categories;
            this.priority = request.priority();
            this.tags = new ArrayList<>(request.tags());
            this.assignee = request.assignee();
        }

        void applyList(List<AssignmentRule> rules) {
            for (AssignmentRule rule : rules == null ? List.<AssignmentRule>of() : rules) {
                if (matches(rule)) {
                    applied.add(new Applied(rule, act(rule)));
                    if (rule.stops()) {
                        return;
                    }
                }
            }
        }

        boolean matches(AssignmentRule rule) {
            List<RuleCondition> conditions = rule.effectiveConditions();
            if (conditions.isEmpty()) {
                return true;
            }
            Predicate<RuleCondition> holds = this::holds;
            return rule.matchesAny() ? conditions.stream().anyMatch(holds) : conditions.stream().allMatch(holds);
        }

        private List<String> act(AssignmentRule rule) {
            RuleActions actions = rule.effectiveActions();
            List<String> changed = new ArrayList<>();
            if (actions.assignsRoundRobin() || actions.assignsPerson()) {
                if (request.assignee() != null) {
                    assignActionIgnored = true;
                } else if (actions.assignsRoundRobin() && !rule.roundRobinPool(instance).isEmpty()) {
                    roundRobin = rule;
                    assignee = null;
                    changed.add("assignee");
                } else if (actions.assignsPerson()) {
                    roundRobin = null;
                    assignee = user(actions.assignee());
                    changed.add("assignee");
                }
            }
            Optional<Priority> newPriority = Priority.parse(actions.priority());
            if (newPriority.isPresent()) {
                priority = newPriority.get();
                changed.add("priority");
            }
            boolean tagged = false;
            for (TicketTag tag : actions.tagsToAdd()) {
                tagged |= addTag(tag);
            }
            if (tagged) {
                changed.add("tags");
            }
            return changed;
        }

        /**
         * Adds a rule's tag under the rules a client's tag follows: its category must exist and not be deleted, a
         * deleted tag is not applied again, an existing tag keeps its spelling, a text new to its category joins it
         * with the ticket. A tag the category no longer allows is skipped, not an error: the client is not to blame.
         */
        private boolean addTag(TicketTag tag) {
            Optional<TagCategory> category = categories.stream()
                    .filter(c -> c.id().equals(tag.tagCategoryId()) && !c.deleted()).findFirst();
            if (category.isEmpty() || tags.size() >= TagValidator.MAX_TAGS) {
                return false;
            }
            Optional<Tag> existing = category.get().tag(tag.text());
            if (existing.isPresent() && existing.get().deleted()) {
                return false;
            }
            TicketTag canonical = new TicketTag(tag.tagCategoryId(), existing.map(Tag::text).orElse(tag.text()));
            if (tags.stream().anyMatch(t -> t.filterKey().equals(canonical.filterKey()))) {
                return false;
            }
            tags.add(canonical);
            return true;
        }

        Outcome outcome() {
            NewTicket ticket = new NewTicket(request.title(), request.description(), request.descriptionHtml(),
                    request.requestor(), priority, assignee, request.expectedDate(), request.customFields(),
                    List.copyOf(tags), TagValidator.newTexts(tags, categories), request.user());
            List<Persona> pool = roundRobin == null ? List.of() : List.copyOf(roundRobin.roundRobinPool(instance));
            return new Outcome(ticket, List.copyOf(applied), roundRobin, pool, assignActionIgnored);
        }

        boolean holds(RuleCondition condition) {
            if (condition.field() == null || condition.operator() == null || condition.value() == null) {
                return false;
            }
            Optional<RuleField> field = RuleField.parse(condition.field());
            if (field.isPresent()) {
                return holds(field.get(), condition.operator(), condition.value());
            }
            return instance.customField(condition.field())
                    .map(f -> customFieldHolds(f, condition.operator(), condition.value()))
                    .orElse(false);
        }

        private boolean holds(RuleField field, String operator, JsonNode value) {
            String email = request.requestor() == null ? null : request.requestor().email();
            return switch (field) {
                case priority -> text(priority.name(), operator, value);
                case tags -> {
                    boolean has = tags.stream().anyMatch(t -> tagMatches(t, value));
                    yield "notContains".equals(operator) != has;
                }
                case requestorEmail -> text(email, operator, value);
                case requestorDomain -> domain(email == null || !email.contains("@") ? null
                        : email.substring(email.lastIndexOf('@') + 1), operator, value);
                case title -> text(request.title(), operator, value);
                case description -> text(request.description(), operator, value);
                case expectedDate -> date(request.expectedDate(), operator, value);
            };
        }

        private boolean customFieldHolds(CustomField field, String operator, JsonNode value) {
            JsonNode actual = request.customFields() == null ? null : request.customFields().get(field.id());
            boolean absent = actual == null || actual.isNull();
            return switch (field.type()) {
                case textField, textArea -> text(absent || !actual.isTextual() ? null : actual.textValue(), operator,
                        value);
                case toggle -> value.isBoolean() && (!absent && actual.asBoolean()) == value.booleanValue();
                case number -> number(absent || !actual.isNumber() ? null : actual.decimalValue(), operator, value);
                case datePicker -> date(absent || !actual.isTextual() ? null
                        : FieldReader.parseDateTime(actual.textValue()).orElse(null), operator, value);
                case peoplePicker -> {
                    boolean has = !absent && value.isTextual() && containsPerson(actual, value.textValue());
                    yield "notContains".equals(operator) != has;
                }
                case singleItemPicker, multipleItemsPicker -> {
                    List<String> wanted = rawValues(value);
                    boolean has = !absent && actual.isArray() && wanted.stream().anyMatch(id -> contains(actual, id));
                    yield "notContains".equals(operator) != has;
                }
            };
        }
    }

    /** Text comparisons, without regard to case or surrounding spaces; an absent text equals nothing. */
    static boolean text(String actual, String operator, JsonNode value) {
        String a = actual == null ? null : actual.strip().toLowerCase(Locale.ROOT);
        List<String> wanted = values(value);
        return switch (operator) {
            case "equals" -> a != null && wanted.contains(a);
            case "notEquals" -> a == null || !wanted.contains(a);
            case "in" -> a != null && wanted.contains(a);
            case "notIn" -> a == null || !wanted.contains(a);
            case "contains", "containsAny" -> a != null && wanted.stream().anyMatch(a::contains);
            case "notContains" -> a == null || wanted.stream().noneMatch(a::contains);
            case "endsWith" -> a != null && wanted.stream().anyMatch(a::endsWith);
            default -> false;
        };
    }

    /** A domain {@code endsWith} a domain when it is that domain or one of its subdomains. */
    static boolean domain(String actual, String operator, JsonNode value) {
        if ("endsWith".equals(operator)) {
            String a = actual == null ? null : actual.strip().toLowerCase(Locale.ROOT);
            return a != null && values(value).stream().anyMatch(d -> a.equals(d) || a.endsWith("." + d));
        }
        return text(actual, operator, value);
    }

    static boolean date(Instant actual, String operator, JsonNode value) {
        Optional<Instant> bound = value.isTextual() ? FieldReader.parseDateTime(value.textValue()) : Optional.empty();
        if (actual == null || bound.isEmpty()) {
            return false;
        }
        return switch (operator) {
            case "before" -> actual.isBefore(bound.get());
            case "after" -> actual.isAfter(bound.get());
            default -> false;
        };
    }

    static boolean number(BigDecimal actual, String operator, JsonNode value) {
        if (!value.isNumber()) {
            return false;
        }
        if (actual == null) {
            return "notEquals".equals(operator);
        }
        int order = actual.compareTo(value.decimalValue());
        return switch (operator) {
            case "equals" -> order == 0;
            case "notEquals" -> order != 0;
            case "greaterThan" -> order > 0;
            case "lessThan" -> order < 0;
            default -> false;
        };
    }

    private static boolean tagMatches(TicketTag tag, JsonNode value) {
        if (value.isTextual()) {
            return tag.text().equalsIgnoreCase(value.textValue().strip());
        }
        return value.isObject() && tag.tagCategoryId().equals(value.path("tagCategoryId").asText())
                && tag.text().equalsIgnoreCase(value.path("text").asText().strip());
    }

    private static boolean containsPerson(JsonNode people, String wanted) {
        String w = wanted.strip();
        for (JsonNode person : people) {
            if (w.equalsIgnoreCase(person.path("email").asText("")) || w.equals(person.path("id").asText(""))) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(JsonNode array, String id) {
        for (JsonNode element : array) {
            if (id.equals(element.asText())) {
                return true;
            }
        }
        return false;
    }

    /** A value or an array of values, as lower-cased trimmed texts. */
    private static List<String> values(JsonNode value) {
        return rawValues(value).stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** A value or an array of values, as sent (option ids are compared exactly). */
    private static List<String> rawValues(JsonNode value) {
        List<String> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> values.add(v.asText()));
        } else {
            values.add(value.asText());
        }
        return values.stream().filter(Objects::nonNull).toList();
    }

    static User user(Persona persona) {
        return new User(persona.id(), persona.text(), persona.secondaryText());
    }
}
