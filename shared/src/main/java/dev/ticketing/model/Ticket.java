package dev.ticketing.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * ITicket. {@code ticketId} is the per-instance sequence number (1, 2, 3...), {@code id} the UUID;
 * {@code descriptionHtml} the sanitised HTML of the description when a client sent one (the live API's
 * {@code description_HTML});
 * {@code frtDueOn} and {@code rtDueOn} are the service-level targets for the first response and the resolution
 * (null without a target); {@code idleDueOn} is when the ticket counts as idle, when its instance watches for idle
 * tickets (internal: not part of the API's ticket);
 * {@code version} guards optimistic concurrency. Custom field values are kept as the JSON the caller sent,
 * after validation against the instance's definitions.
 */
public record Ticket(
        String instanceId,
        String id,
        long ticketId,
        String title,
        String description,
        String descriptionHtml,
        Status status,
        Priority priority,
        User requestor,
        User assignee,
        Instant expectedDate,
        ObjectNode customFields,
        List<TicketTag> tags,
        String resolution,
        String lastResolutionComment,
        Instant firstResponseOn,
        Instant firstResolutionOn,
        Instant lastResolutionOn,
        Instant createdOn,
        User createdBy,
        Instant lastUpdatedOn,
        User lastUpdatedBy,
        Instant lastInteraction,
        boolean isFrtEscalated,
        boolean isRtEscalated,
        Instant frtDueOn,
        Instant rtDueOn,
        Instant idleDueOn,
        long version) {

    public Ticket {
        tags = List.copyOf(tags);
    }

    /** A builder with no field set but empty custom fields and tags. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this ticket's values (custom fields deep-copied), for the next version of it. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Sets a ticket's fields by name, so a change names only what it changes. */
    public static final class Builder {

        private String instanceId;
        private String id;
        private long ticketId;
        private String title;
        private String description;
        private String descriptionHtml;
        private Status status;
        private Priority priority;
        private User requestor;
        private User assignee;
        private Instant expectedDate;
        private ObjectNode customFields;
        private List<TicketTag> tags;
        private String resolution;
        private String lastResolutionComment;
        private Instant firstResponseOn;
        private Instant firstResolutionOn;
        private Instant lastResolutionOn;
        private Instant createdOn;
        private User createdBy;
        private Instant lastUpdatedOn;
        private User lastUpdatedBy;
        private Instant lastInteraction;
        private boolean isFrtEscalated;
        private boolean isRtEscalated;
        private Instant frtDueOn;
        private Instant rtDueOn;
        private Instant idleDueOn;
        private long version;

        private Builder() {
            this.customFields = JsonNodeFactory.instance.objectNode();
            this.tags = List.of();
        }

        private Builder(Ticket t) {
            this.instanceId = t.instanceId();
            this.id = t.id();
            this.ticketId = t.ticketId();
            this.title = t.title();
            this.description = t.description();
            this.descriptionHtml = t.descriptionHtml();
            this.status = t.status();
            this.priority = t.priority();
            this.requestor = t.requestor();
            this.assignee = t.assignee();
            this.expectedDate = t.expectedDate();
            this.customFields = t.customFields().deepCopy();
            this.tags = t.tags();
            this.resolution = t.resolution();
            this.lastResolutionComment = t.lastResolutionComment();
            this.firstResponseOn = t.firstResponseOn();
            this.firstResolutionOn = t.firstResolutionOn();
            this.lastResolutionOn = t.lastResolutionOn();
            this.createdOn = t.createdOn();
            this.createdBy = t.createdBy();
            this.lastUpdatedOn = t.lastUpdatedOn();
            this.lastUpdatedBy = t.lastUpdatedBy();
            this.lastInteraction = t.lastInteraction();
            this.isFrtEscalated = t.isFrtEscalated();
            this.isRtEscalated = t.isRtEscalated();
            this.frtDueOn = t.frtDueOn();
            this.rtDueOn = t.rtDueOn();
            this.idleDueOn = t.idleDueOn();
            this.version = t.version();
        }

        public Builder instanceId(String value) {
            this.instanceId = value;
            return this;
        }

        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder ticketId(long value) {
            this.ticketId = value;
            return this;
        }

        public Builder title(String value) {
            this.title = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder descriptionHtml(String value) {
            this.descriptionHtml = value;
            return this;
        }

        public Builder status(Status value) {
            this.status = value;
            return this;
        }

        public Builder priority(Priority value) {
            this.priority = value;
            return this;
        }

        public Builder requestor(User value) {
            this.requestor = value;
            return this;
        }

        public Builder assignee(User value) {
            this.assignee = value;
            return this;
        }

        public Builder expectedDate(Instant value) {
            this.expectedDate = value;
            return this;
        }

        public Builder customFields(ObjectNode value) {
            this.customFields = value;
            return this;
        }

        public Builder tags(List<TicketTag> value) {
            this.tags = value;
            return this;
        }

        public Builder resolution(String value) {
            this.resolution = value;
            return this;
        }

        public Builder lastResolutionComment(String value) {
            this.lastResolutionComment = value;
            return this;
        }

        public Builder firstResponseOn(Instant value) {
            this.firstResponseOn = value;
            return this;
        }

        public Builder firstResolutionOn(Instant value) {
            this.firstResolutionOn = value;
            return this;
        }

        public Builder lastResolutionOn(Instant value) {
            this.lastResolutionOn = value;
            return this;
        }

        public Builder createdOn(Instant value) {
            this.createdOn = value;
            return this;
        }

        public Builder createdBy(User value) {
            this.createdBy = value;
            return this;
        }

        public Builder lastUpdatedOn(Instant value) {
            this.lastUpdatedOn = value;
            return this;
        }

        public Builder lastUpdatedBy(User value) {
            this.lastUpdatedBy = value;
            return this;
        }

        public Builder lastInteraction(Instant value) {
            this.lastInteraction = value;
            return this;
        }

        public Builder isFrtEscalated(boolean value) {
            this.isFrtEscalated = value;
            return this;
        }

        public Builder isRtEscalated(boolean value) {
            this.isRtEscalated = value;
            return this;
        }

        public Builder frtDueOn(Instant value) {
            this.frtDueOn = value;
            return this;
        }

        public Builder rtDueOn(Instant value) {
            this.rtDueOn = value;
            return this;
        }

        public Builder idleDueOn(Instant value) {
            this.idleDueOn = value;
            return this;
        }

        /** A first response by the helpdesk, whoever acts: a status change to Started, Resolved or Closed. */
        public Builder firstResponse(Instant at) {
            if (firstResponseOn == null) {
                firstResponseOn = at;
            }
            return this;
        }

        public Builder version(long value) {
            this.version = value;
            return this;
        }

        /** The custom field values being built, to merge changes into. */
        public ObjectNode customFields() {
            return customFields;
        }

        public Instant firstResolutionOn() {
            return firstResolutionOn;
        }

        /**
         * A change by {@code by} at {@code at}. Each change of a ticket moves {@code lastUpdatedOn} forward, by a
         * millisecond past the previous change when the clock has not (two changes in one millisecond, or a clock
         * behind another's), so that a reader that resumes after the last {@code lastUpdatedOn} it saw misses none.
         */
        public Builder updated(User by, Instant at) {
            lastUpdatedBy = by;
            lastUpdatedOn = lastUpdatedOn != null && !at.isAfter(lastUpdatedOn) ? lastUpdatedOn.plusMillis(1) : at;
            return this;
        }

        /**
         * Someone acting on the ticket: its last interaction, and its first response when that someone is not the
         * requestor and nobody else responded before.
         */
        public Builder interaction(User by, Instant at) {
            lastInteraction = at;
            if (firstResponseOn == null && (requestor == null || !by.id().equals(requestor.id()))) {
                firstResponseOn = at;
            }
            return this;
        }

        public Ticket build() {
            return new Ticket(instanceId, id, ticketId, title, description, descriptionHtml, status, priority,
                    requestor, assignee, expectedDate, customFields, tags, resolution, lastResolutionComment,
                    firstResponseOn, firstResolutionOn, lastResolutionOn, createdOn, createdBy, lastUpdatedOn,
                    lastUpdatedBy, lastInteraction, isFrtEscalated, isRtEscalated, frtDueOn, rtDueOn, idleDueOn,
                    version);
        }
    }
}
