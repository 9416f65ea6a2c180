package dev.ticketing.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * IRule: an assignment rule (docs/instance-model.md, "Assignment rules"). Its {@code conditions}, combined by
 * {@code match} ({@code all} or {@code any}; none means it always matches), select new tickets; its {@code actions}
 * assign, set the priority and add tags; {@code stopProcessing} ends the list at this rule when it matched.
 * The first form of IRule, one condition ({@code field}, {@code operator}, {@code value}) and {@code assignees},
 * is still accepted and means that condition and "assign": one person, or a turn among several.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssignmentRule(
        String id,
        String name,
        String match,
        List<RuleCondition> conditions,
        RuleActions actions,
        Boolean stopProcessing,
        String field,
        String operator,
        JsonNode value,
        List<Persona> assignees) {

    public static final String MATCH_ALL = "all";
    public static final String MATCH_ANY = "any";

    /** A rule in the current form, without the first form's members. */
    public static AssignmentRule of(String id, String name, String match, List<RuleCondition> conditions,
                                    RuleActions actions, boolean stopProcessing) {
        return new AssignmentRule(id, name, match, conditions, actions, stopProcessing, null, null, null, null);
    }

    /** True for the first form: one condition and {@code assignees}, no {@code conditions} or {@code actions}. */
    @JsonIgnore
    public boolean isSingleCondition() {
        return conditions == null && actions == null && (field != null || assignees != null);
    }

    /** The conditions this rule tests, whichever form it was written in. */
    @JsonIgnore
    public List<RuleCondition> effectiveConditions() {
        if (isSingleCondition()) {
            return field == null ? List.of() : List.of(new RuleCondition(field, operator, value));
        }
        return conditions == null ? List.of() : conditions;
    }

    /** What a match does, whichever form: the first form's one assignee, or a turn among its several. */
    @JsonIgnore
    public RuleActions effectiveActions() {
        if (isSingleCondition()) {
            List<Persona> people = assignees == null ? List.of() : assignees;
            if (people.size() == 1) {
                return new RuleActions(RuleActions.ASSIGN_PERSON, people.get(0), null, null);
            }
            return people.isEmpty() ? RuleActions.NONE
                    : new RuleActions(RuleActions.ASSIGN_ROUND_ROBIN, null, null, null);
        }
        return actions == null ? RuleActions.NONE : actions;
    }

    /** Whom a round-robin action of this rule takes turns among: the first form's own list, else the instance's. */
    @JsonIgnore
    public List<Persona> roundRobinPool(Instance instance) {
        if (isSingleCondition()) {
            return assignees == null ? List.of() : assignees;
        }
        Assignees pool = instance.assignees();
        return pool == null || pool.peoples() == null ? List.of() : pool.peoples();
    }

    @JsonIgnore
    public boolean matchesAny() {
        return MATCH_ANY.equals(match);
    }

    @JsonIgnore
    public boolean stops() {
        return Boolean.TRUE.equals(stopProcessing);
    }
}
