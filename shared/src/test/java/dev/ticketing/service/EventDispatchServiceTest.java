package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.model.EventType;
import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.TicketEvent;
import dev.ticketing.model.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which events a change of a ticket item makes, and that their ids are the change's, not the reading's. */
class EventDispatchServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    /** No store is reached for ticket changes: only comments read their ticket. */
    private final EventDispatchService service = new EventDispatchService(null, null, delivery -> { },
            Clock.systemUTC());

    private static Ticket ticket() {
        User pat = new User("r1", "Pat Doe", "pat@example.com");
        return Ticket.builder().instanceId("i1").id("u1").ticketId(42).title("Printer").status(Status.Open)
                .priority(Priority.Medium).requestor(pat).createdOn(T0).createdBy(pat).lastUpdatedOn(T0)
                .lastUpdatedBy(pat).lastInteraction(T0).version(1).build();
    }

    private List<EventType> types(Ticket before, Ticket after) {
        return service.events(new StreamChange(T1, before, after, null)).stream().map(TicketEvent::type).toList();
    }

    @Test
    void anInsert_isTicketCreated() {
        assertThat(types(null, ticket())).containsExactly(EventType.TICKET_CREATED);
    }

    @Test
    void aStatusChange_isAnUpdateAndAStatusChange_inThatOrder() {
        Ticket before = ticket();
        Ticket after = before.toBuilder().status(Status.Resolved).lastUpdatedOn(T1).version(2).build();

        assertThat(types(before, after)).containsExactly(EventType.TICKET_UPDATED, EventType.TICKET_STATUS_CHANGED);
    }

    @Test
    void aNewAssignee_isAnUpdateAndAnAssignment() {
        Ticket before = ticket();
        Ticket after = before.toBuilder().assignee(new User("a1", "Alex Agent", "alex@example.com"))
                .lastUpdatedOn(T1).version(2).build();

        assertThat(types(before, after)).containsExactly(EventType.TICKET_UPDATED, EventType.TICKET_ASSIGNED);
    }

    @Test
    void anEscalationFlagTurningTrue_isTicketEscalated_once() {
        Ticket before = ticket();
        Ticket frt = before.toBuilder().isFrtEscalated(true).build();

        assertThat(types(before, frt)).containsExactly(EventType.TICKET_ESCALATED);
        assertThat(types(frt, frt.toBuilder().lastInteraction(T1).build())).isEmpty();
        assertThat(types(frt, frt.toBuilder().isRtEscalated(true).build())).containsExactly(EventType.TICKET_ESCALATED);
    }

    @Test
    void aCommentsTouchOfTheTicket_isAnUpdate_sinceItMovesLastUpdatedOn() {
        Ticket before = ticket();

        assertThat(types(before, before.toBuilder().lastInteraction(T1).firstResponseOn(T1).lastUpdatedOn(T1)
                .version(2).build())).containsExactly(EventType.TICKET_UPDATED);
    }

    @Test
    void theAutomationStoppingAnIdleTimer_isTicketIdle_afterTheAssignment() {
        Ticket before = ticket().toBuilder().idleDueOn(T1).build();
        Ticket handled = before.toBuilder().idleDueOn(null).assignee(new User("p", "Ines Idle", "ines@example.com"))
                .updated(User.AUTOMATION, T1).version(2).build();
        Ticket resolved = before.toBuilder().idleDueOn(null).status(Status.Resolved)
                .updated(new User("a1", "Alex Agent", "alex@example.com"), T1).version(2).build();

        assertThat(types(before, handled)).containsExactly(EventType.TICKET_UPDATED, EventType.TICKET_ASSIGNED,
                EventType.TICKET_IDLE);
        assertThat(types(before, resolved)).as("a person's change that stops the timer")
                .doesNotContain(EventType.TICKET_IDLE);
    }

    @Test
    void theSameChangeReadTwice_isTheSameEvent_andAnotherChangeAnotherOne() {
        Ticket before = ticket();
        Ticket after = before.toBuilder().title("Printer on floor 3").lastUpdatedOn(T1).version(2).build();
        Ticket later = after.toBuilder().title("Printer on floor 4").lastUpdatedOn(T1.plusSeconds(1)).version(3)
                .build();

        String first = service.events(new StreamChange(T1, before, after, null)).get(0).id();
        String again = service.events(new StreamChange(T1.plusSeconds(5), before, after, null)).get(0).id();
        String next = service.events(new StreamChange(T1, after, later, null)).get(0).id();

        assertThat(again).isEqualTo(first);
        assertThat(next).isNotEqualTo(first);
    }
}
