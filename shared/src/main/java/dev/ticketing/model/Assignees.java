package dev.ticketing.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Who tickets can be assigned to: the team's owners, or a custom list of people. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Assignees(String type, List<Persona> peoples) {

    public static final List<String> TYPES = List.of("teamsOwner", "customAssignee");
}
