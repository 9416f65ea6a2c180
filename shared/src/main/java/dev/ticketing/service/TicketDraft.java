package dev.ticketing.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.TicketTag;
import dev.ticketing.model.User;
import java.time.Instant;
import java.util.List;

/** A mutable copy of a ticket, so a change can set a few fields and build the next immutable version. */
final class TicketDraft {

    private final Ticket base;
    String title;
    String description;
    Status status;
    Priority priority;
    User requestor;
    User assignee;
    Instant expectedDate;
    ObjectNode customFields;
    List<TicketTag> tags;
    String resolution;
    String lastResolutionComment;
    Instant firstResponseOn;
    Instant firstResolutionOn;
    Instant lastResolutionOn;
    Instant lastUpdatedOn;
    User lastUpdatedBy;
    Instant lastInteraction;

    TicketDraft(Ticket t) {
        base = t;
        title = t.title();
        description = t.description();
        status = t.status();
        priority = t.priority();
        requestor = t.requestor();
        assignee = t.assignee();
        expectedDate = t.expectedDate();
        customFields = t.customFields().deepCopy();
        tags = t.tags();
        resolution = t.resolution();
        lastResolutionComment = t.lastResolutionComment();
        firstResponseOn = t.firstResponseOn();
        firstResolutionOn = t.firstResolutionOn();
        lastResolutionOn = t.lastResolutionOn();
        lastUpdatedOn = t.lastUpdatedOn();
        lastUpdatedBy = t.lastUpdatedBy();
        lastInteraction = t.lastInteraction();
    }

    /** Someone other than the requestor acting on the ticket for the first time is its first response. */
    void interaction(User by, Instant at) {
        lastInteraction = at;
        if (firstResponseOn == null && (requestor == null || !by.id().equals(requestor.id()))) {
            firstResponseOn = at;
        }
    }

    /** The next version: one more than the version it was read at. */
    Ticket build() {
        return new Ticket(base.instanceId(), base.id(), base.ticketId(), title, description, status, priority,
                requestor, assignee, expectedDate, customFields, tags, resolution, lastResolutionComment,
                firstResponseOn, firstResolutionOn, lastResolutionOn, base.createdOn(), base.createdBy(),
                lastUpdatedOn, lastUpdatedBy, lastInteraction, base.isFrtEscalated(), base.isRtEscalated(),
                base.version() + 1);
    }
}
