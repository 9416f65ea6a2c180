package dev.ticketing.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.Json;
import dev.ticketing.model.Ticket;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code select} parameter: which ticket fields a list returns. Besides ITicket's fields it accepts the
 * flat aliases the reference's own example uses ({@code requestorName}...), returned under the alias's name.
 */
public record TicketSelect(List<String> fields) {

    /** Alias -> (object field, member) or (field, null) when the alias renames a field. */
    private static final Map<String, String[]> ALIASES = Map.of(
            "requestorName", new String[] {"requestor", "name"},
            "requestorEmail", new String[] {"requestor", "email"},
            "assigneeName", new String[] {"assignee", "name"},
            "assigneeEmail", new String[] {"assignee", "email"},
            "createdDateTime", new String[] {"createdOn", null});

    public static final List<String> VALID = valid();

    public static final TicketSelect ALL = new TicketSelect(TicketJson.TICKET_FIELDS);

    public TicketSelect {
        fields = List.copyOf(fields);
    }

    public static TicketSelect parse(Optional<String> select) {
        if (select.isEmpty() || select.get().isBlank()) {
            return ALL;
        }
        Set<String> fields = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String part : select.get().split(",")) {
            String name = part.strip();
            if (VALID.contains(name)) {
                fields.add(name);
            } else {
                unknown.add("'" + part + "'");
            }
        }
        if (!unknown.isEmpty()) {
            throw new ValidationException("select", "unknown field(s) " + String.join(", ", unknown)
                    + "; valid fields are " + VALID);
        }
        return new TicketSelect(List.copyOf(fields));
    }

    /** The selected fields of the ticket, each rendered alone (a list of six fields does not render twenty-three). */
    public ObjectNode render(Ticket ticket, ZoneOffset offset) {
        ObjectNode out = Json.object();
        for (String field : fields) {
            String[] alias = ALIASES.get(field);
            if (alias == null) {
                out.set(field, TicketJson.field(ticket, field, offset));
            } else if (alias[1] == null) {
                out.set(field, TicketJson.field(ticket, alias[0], offset));
            } else {
                JsonNode owner = TicketJson.field(ticket, alias[0], offset);
                out.set(field, owner.isNull() ? null : owner.get(alias[1]));
            }
        }
        return out;
    }

    private static List<String> valid() {
        List<String> names = new ArrayList<>(TicketJson.TICKET_FIELDS);
        List.of("requestorName", "requestorEmail", "assigneeName", "assigneeEmail", "createdDateTime")
                .forEach(names::add);
        return List.copyOf(names);
    }
}
