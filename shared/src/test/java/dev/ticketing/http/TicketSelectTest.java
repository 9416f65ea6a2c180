package dev.ticketing.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.Json;
import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketSelectTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T20:30:00Z");
    private static final Ticket TICKET = new Ticket("i", "uuid-1", 7, "Printer", "jammed", null, Status.Open,
            Priority.Low, new User("r", "Jason Doe", "jason@example.com"), null, null, Json.object(), List.of(),
            null, null, null, null, null, CREATED, null, CREATED, null, null, false, false, null, null, null, 1);

    @Test
    void render_returnsOnlySelectedFields_withAliasesFlattened_andDatesInTheOffset() {
        TicketSelect select = TicketSelect.parse(Optional.of("id,ticketId,requestorName,assigneeName,createdDateTime"));

        ObjectNode json = select.render(TICKET, ZoneOffset.ofHours(7));

        assertThat(json.toString()).isEqualTo("{\"id\":\"uuid-1\",\"ticketId\":7,\"requestorName\":\"Jason Doe\","
                + "\"assigneeName\":null,\"createdDateTime\":\"2026-03-02T03:30:00+07:00\"}");
    }

    @Test
    void render_ofATicketWithEveryPersonSet_givesEachAliasItsOwnValue() {
        Instant updated = CREATED.plusSeconds(90);
        Ticket everyone = new Ticket("i", "uuid-2", 8, "Printer", "jammed", null, Status.Open, Priority.Low,
                new User("r", "Rita Requestor", "rita@requestor.example"),
                new User("a", "Alan Assignee", "alan@assignee.example"), null, Json.object(), List.of(),
                null, null, null, null, null, CREATED, new User("c", "Cora Creator", "cora@creator.example"),
                updated, new User("u", "Uma Updater", "uma@updater.example"), updated, false, false, null, null, null,
                2);
        TicketSelect select = TicketSelect.parse(Optional.of(
                "requestorName,requestorEmail,assigneeName,assigneeEmail,createdDateTime,createdBy,lastUpdatedBy"));

        ObjectNode json = select.render(everyone, ZoneOffset.UTC);

        assertThat(json.get("requestorName").asText()).isEqualTo("Rita Requestor");
        assertThat(json.get("requestorEmail").asText()).isEqualTo("rita@requestor.example");
        assertThat(json.get("assigneeName").asText()).isEqualTo("Alan Assignee");
        assertThat(json.get("assigneeEmail").asText()).isEqualTo("alan@assignee.example");
        assertThat(json.get("createdDateTime").asText()).isEqualTo("2026-03-01T20:30:00Z");
        assertThat(json.at("/createdBy/name").asText()).isEqualTo("Cora Creator");
        assertThat(json.at("/lastUpdatedBy/email").asText()).isEqualTo("uma@updater.example");
    }

    @Test
    void parse_withoutSelect_returnsEveryTicketField() {
        ObjectNode json = TicketSelect.parse(Optional.empty()).render(TICKET, ZoneOffset.UTC);

        assertThat(json.fieldNames()).toIterable().containsExactlyElementsOf(TicketJson.TICKET_FIELDS);
    }

    @Test
    void parse_rejectsUnknownField_listingTheValidOnes() {
        ValidationException e = catchThrowableOfType(
                ValidationException.class, () -> TicketSelect.parse(Optional.of("id,colour")));

        assertThat(e.details()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("select");
            assertThat(error.message()).contains("'colour'").contains("requestorName").contains("lastInteraction");
        });
    }
}
