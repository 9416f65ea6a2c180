package dev.ticketing.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a matching {@link AssignmentRule} does: {@code assign} {@code "person"} ({@code assignee}, the default when
 * an assignee is given) or {@code "roundRobin"} (the next of the instance's {@code assignees.peoples}), set
 * {@code priority}, add {@code addTags}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleActions(String assign, Persona assignee, String priority, List<TicketTag> addTags) {

    public static final String ASSIGN_PERSON = "person";
    public static final String ASSIGN_ROUND_ROBIN = "roundRobin";
    public static final List<String> ASSIGN_VALUES = List.of(ASSIGN_PERSON, ASSIGN_ROUND_ROBIN);
    public static final RuleActions NONE = new RuleActions(null, null, null, null);

    @JsonIgnore
    public boolean assignsRoundRobin() {
        return ASSIGN_ROUND_ROBIN.equals(assign);
    }

    @JsonIgnore
    public boolean assignsPerson() {
        return !assignsRoundRobin() && assignee != null;
    }

    @JsonIgnore
    public List<TicketTag> tagsToAdd() {
        return addTags == null ? List.of() : addTags;
    }
}
