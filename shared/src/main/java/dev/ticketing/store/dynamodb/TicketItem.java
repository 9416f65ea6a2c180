package dev.ticketing.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.ValueJson;
import dev.ticketing.model.Priority;
import dev.ticketing.model.SlaTimers;
import dev.ticketing.model.Status;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.TicketTag;
import dev.ticketing.model.User;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A ticket as stored: its fields, plus the keys of every list index and the lower-cased texts that
 * the {@code title} and {@code search} filters match against. Three index keys are present only while they apply
 * (sparse indexes): {@code escalationPk} while the ticket is escalated, {@code dueShard}/{@code dueAt} while one of
 * its timers runs.
 */
final class TicketItem {

    static final String TYPE = "ticket";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    String pk;
    String sk;
    String type;
    String instanceId;
    String id;
    Long ticketNumber;
    String title;
    String description;
    String descriptionHtml;
    String status;
    String priority;
    JsonNode requestor;
    JsonNode assignee;
    String expectedDate;
    JsonNode customFields;
    JsonNode tags;
    Set<String> tagKeys;
    String resolution;
    String lastResolutionComment;
    String firstResponseOn;
    String firstResolutionOn;
    String lastResolutionOn;
    String createdOn;
    JsonNode createdBy;
    String lastUpdatedOn;
    JsonNode lastUpdatedBy;
    String lastInteraction;
    Boolean isFrtEscalated;
    Boolean isRtEscalated;
    String frtDueOn;
    String rtDueOn;
    String idleDueOn;
    Long version;
    String titleLower;
    String searchText;
    String listPk;
    String statusPk;
    String priorityPk;
    String oStatus;
    String oTicketId;
    String oTitle;
    String oRequestorName;
    String oRequestorEmail;
    String oAssigneeName;
    String oAssigneeEmail;
    String oExpectedDate;
    String oPriority;
    String oCreatedDateTime;
    String oLastInteraction;
    String oLastUpdatedOn;
    String escalationPk;
    String dueShard;
    String dueAt;

    static final TableSchema<TicketItem> SCHEMA = schema();

    private static TableSchema<TicketItem> schema() {
        StaticTableSchema.Builder<TicketItem> s = StaticTableSchema.builder(TicketItem.class)
                .newItemSupplier(TicketItem::new);
        Attributes.partitionKey(s, i -> i.pk, (i, v) -> i.pk = v);
        Attributes.sortKey(s, i -> i.sk, (i, v) -> i.sk = v);
        Attributes.string(s, "type", i -> i.type, (i, v) -> i.type = v);
        Attributes.string(s, "instanceId", i -> i.instanceId, (i, v) -> i.instanceId = v);
        Attributes.string(s, "id", i -> i.id, (i, v) -> i.id = v);
        Attributes.number(s, "ticketId", i -> i.ticketNumber, (i, v) -> i.ticketNumber = v);
        Attributes.string(s, "title", i -> i.title, (i, v) -> i.title = v);
        Attributes.string(s, "description", i -> i.description, (i, v) -> i.description = v);
        Attributes.string(s, "descriptionHtml", i -> i.descriptionHtml, (i, v) -> i.descriptionHtml = v);
        Attributes.string(s, "status", i -> i.status, (i, v) -> i.status = v);
        Attributes.string(s, "priority", i -> i.priority, (i, v) -> i.priority = v);
        Attributes.json(s, "requestor", i -> i.requestor, (i, v) -> i.requestor = v);
        Attributes.json(s, "assignee", i -> i.assignee, (i, v) -> i.assignee = v);
        Attributes.string(s, "expectedDate", i -> i.expectedDate, (i, v) -> i.expectedDate = v);
        Attributes.json(s, "customFields", i -> i.customFields, (i, v) -> i.customFields = v);
        Attributes.json(s, "tags", i -> i.tags, (i, v) -> i.tags = v);
        Attributes.stringSet(s, "tagKeys", i -> i.tagKeys, (i, v) -> i.tagKeys = v);
        Attributes.string(s, "resolution", i -> i.resolution, (i, v) -> i.resolution = v);
        Attributes.string(s, "lastResolutionComment", i -> i.lastResolutionComment,
                (i, v) -> i.lastResolutionComment = v);
        Attributes.string(s, "firstResponseOn", i -> i.firstResponseOn, (i, v) -> i.firstResponseOn = v);
        Attributes.string(s, "firstResolutionOn", i -> i.firstResolutionOn, (i, v) -> i.firstResolutionOn = v);
        Attributes.string(s, "lastResolutionOn", i -> i.lastResolutionOn, (i, v) -> i.lastResolutionOn = v);
        Attributes.string(s, "createdOn", i -> i.createdOn, (i, v) -> i.createdOn = v);
        Attributes.json(s, "createdBy", i -> i.createdBy, (i, v) -> i.createdBy = v);
        Attributes.string(s, "lastUpdatedOn", i -> i.lastUpdatedOn, (i, v) -> i.lastUpdatedOn = v);
        Attributes.json(s, "lastUpdatedBy", i -> i.lastUpdatedBy, (i, v) -> i.lastUpdatedBy = v);
        Attributes.string(s, "lastInteraction", i -> i.lastInteraction, (i, v) -> i.lastInteraction = v);
        Attributes.bool(s, "isFrtEscalated", i -> i.isFrtEscalated, (i, v) -> i.isFrtEscalated = v);
        Attributes.bool(s, "isRtEscalated", i -> i.isRtEscalated, (i, v) -> i.isRtEscalated = v);
        Attributes.string(s, "frtDueOn", i -> i.frtDueOn, (i, v) -> i.frtDueOn = v);
        Attributes.string(s, "rtDueOn", i -> i.rtDueOn, (i, v) -> i.rtDueOn = v);
        Attributes.string(s, "idleDueOn", i -> i.idleDueOn, (i, v) -> i.idleDueOn = v);
        Attributes.number(s, "version", i -> i.version, (i, v) -> i.version = v);
        Attributes.string(s, "titleLower", i -> i.titleLower, (i, v) -> i.titleLower = v);
        Attributes.string(s, "searchText", i -> i.searchText, (i, v) -> i.searchText = v);
        Attributes.string(s, "listPk", i -> i.listPk, (i, v) -> i.listPk = v);
        Attributes.string(s, "statusPk", i -> i.statusPk, (i, v) -> i.statusPk = v);
        Attributes.string(s, "priorityPk", i -> i.priorityPk, (i, v) -> i.priorityPk = v);
        Attributes.string(s, "oStatus", i -> i.oStatus, (i, v) -> i.oStatus = v);
        Attributes.string(s, "oTicketId", i -> i.oTicketId, (i, v) -> i.oTicketId = v);
        Attributes.string(s, "oTitle", i -> i.oTitle, (i, v) -> i.oTitle = v);
        Attributes.string(s, "oRequestorName", i -> i.oRequestorName, (i, v) -> i.oRequestorName = v);
        Attributes.string(s, "oRequestorEmail", i -> i.oRequestorEmail, (i, v) -> i.oRequestorEmail = v);
        Attributes.string(s, "oAssigneeName", i -> i.oAssigneeName, (i, v) -> i.oAssigneeName = v);
        Attributes.string(s, "oAssigneeEmail", i -> i.oAssigneeEmail, (i, v) -> i.oAssigneeEmail = v);
        Attributes.string(s, "oExpectedDate", i -> i.oExpectedDate, (i, v) -> i.oExpectedDate = v);
        Attributes.string(s, "oPriority", i -> i.oPriority, (i, v) -> i.oPriority = v);
        Attributes.string(s, "oCreatedDateTime", i -> i.oCreatedDateTime, (i, v) -> i.oCreatedDateTime = v);
        Attributes.string(s, "oLastInteraction", i -> i.oLastInteraction, (i, v) -> i.oLastInteraction = v);
        Attributes.string(s, "oLastUpdatedOn", i -> i.oLastUpdatedOn, (i, v) -> i.oLastUpdatedOn = v);
        Attributes.string(s, "escalationPk", i -> i.escalationPk, (i, v) -> i.escalationPk = v);
        Attributes.string(s, "dueShard", i -> i.dueShard, (i, v) -> i.dueShard = v);
        Attributes.string(s, "dueAt", i -> i.dueAt, (i, v) -> i.dueAt = v);
        return s.build();
    }

    static TicketItem from(Ticket t) {
        TicketItem i = new TicketItem();
        i.pk = Keys.ticket(t.instanceId(), t.ticketId());
        i.sk = Keys.TICKET_SK;
        i.type = TYPE;
        i.instanceId = t.instanceId();
        i.id = t.id();
        i.ticketNumber = t.ticketId();
        i.title = t.title();
        i.description = t.description();
        i.descriptionHtml = t.descriptionHtml();
        i.status = t.status().name();
        i.priority = t.priority().name();
        i.requestor = user(t.requestor());
        i.assignee = user(t.assignee());
        i.expectedDate = instant(t.expectedDate());
        i.customFields = t.customFields() == null || t.customFields().isEmpty() ? null : t.customFields();
        i.tags = tags(t.tags());
        i.tagKeys = tagKeys(t.tags());
        i.resolution = t.resolution();
        i.lastResolutionComment = t.lastResolutionComment();
        i.firstResponseOn = instant(t.firstResponseOn());
        i.firstResolutionOn = instant(t.firstResolutionOn());
        i.lastResolutionOn = instant(t.lastResolutionOn());
        i.createdOn = instant(t.createdOn());
        i.createdBy = user(t.createdBy());
        i.lastUpdatedOn = instant(t.lastUpdatedOn());
        i.lastUpdatedBy = user(t.lastUpdatedBy());
        i.lastInteraction = instant(t.lastInteraction());
        i.isFrtEscalated = t.isFrtEscalated();
        i.isRtEscalated = t.isRtEscalated();
        i.frtDueOn = instant(t.frtDueOn());
        i.rtDueOn = instant(t.rtDueOn());
        i.idleDueOn = instant(t.idleDueOn());
        i.version = t.version();
        i.titleLower = t.title().toLowerCase(Locale.ROOT);
        i.searchText = searchText(t);
        i.listPk = Keys.ticketList(t.instanceId());
        i.statusPk = Keys.ticketListByStatus(t.instanceId(), t.status().name());
        i.priorityPk = Keys.ticketListByPriority(t.instanceId(), t.priority().name());
        i.oStatus = TicketSortKeys.status(t);
        i.oTicketId = TicketSortKeys.ticketId(t);
        i.oTitle = TicketSortKeys.title(t);
        i.oRequestorName = TicketSortKeys.requestorName(t);
        i.oRequestorEmail = TicketSortKeys.requestorEmail(t);
        i.oAssigneeName = TicketSortKeys.assigneeName(t);
        i.oAssigneeEmail = TicketSortKeys.assigneeEmail(t);
        i.oExpectedDate = TicketSortKeys.expectedDate(t);
        i.oPriority = TicketSortKeys.priority(t);
        i.oCreatedDateTime = TicketSortKeys.createdDateTime(t);
        i.oLastInteraction = TicketSortKeys.lastInteraction(t);
        i.oLastUpdatedOn = TicketSortKeys.lastUpdatedOn(t);
        i.escalationPk = Keys.escalatedTickets(t.instanceId(), t.isFrtEscalated(), t.isRtEscalated());
        SlaTimers.next(t).ifPresent(due -> {
            i.dueShard = Keys.dueShard(t.ticketId());
            i.dueAt = Keys.dueAt(due, t.instanceId(), t.ticketId());
        });
        return i;
    }

    Ticket toTicket() {
        return Ticket.builder().instanceId(instanceId).id(id).ticketId(ticketNumber).title(title)
                .description(description).descriptionHtml(descriptionHtml).status(Status.valueOf(status))
                .priority(Priority.valueOf(priority))
                .requestor(user(requestor)).assignee(user(assignee)).expectedDate(instant(expectedDate))
                .customFields(customFields instanceof ObjectNode fields ? fields : NODES.objectNode())
                .tags(tags(tags)).resolution(resolution).lastResolutionComment(lastResolutionComment)
                .firstResponseOn(instant(firstResponseOn)).firstResolutionOn(instant(firstResolutionOn))
                .lastResolutionOn(instant(lastResolutionOn)).createdOn(instant(createdOn)).createdBy(user(createdBy))
                .lastUpdatedOn(instant(lastUpdatedOn)).lastUpdatedBy(user(lastUpdatedBy))
                .lastInteraction(instant(lastInteraction)).isFrtEscalated(Boolean.TRUE.equals(isFrtEscalated))
                .isRtEscalated(Boolean.TRUE.equals(isRtEscalated)).frtDueOn(instant(frtDueOn))
                .rtDueOn(instant(rtDueOn)).idleDueOn(instant(idleDueOn)).version(version == null ? 0 : version)
                .build();
    }

    /** What the {@code search} filter matches: ticket number, title, description, requestor and assignee. */
    private static String searchText(Ticket t) {
        StringJoiner text = new StringJoiner("\n");
        text.add(Long.toString(t.ticketId()));
        text.add(t.title());
        if (t.description() != null) {
            text.add(t.description());
        }
        for (User person : new User[] {t.requestor(), t.assignee()}) {
            if (person != null) {
                text.add(person.name() == null ? "" : person.name());
                text.add(person.email() == null ? "" : person.email());
            }
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    /** A user attribute, absent for no user. */
    static JsonNode user(User user) {
        return user == null ? null : ValueJson.user(user);
    }

    static User user(JsonNode node) {
        return ValueJson.user(node);
    }

    /** A tags attribute, absent for no tags. */
    private static JsonNode tags(List<TicketTag> tags) {
        return tags.isEmpty() ? null : ValueJson.tags(tags);
    }

    private static List<TicketTag> tags(JsonNode node) {
        return ValueJson.tags(node);
    }

    /** A string set cannot be empty in DynamoDB, so a ticket without tags has no tagKeys attribute. */
    private static Set<String> tagKeys(List<TicketTag> tags) {
        if (tags.isEmpty()) {
            return null;
        }
        Set<String> keys = new LinkedHashSet<>();
        tags.forEach(t -> keys.add(t.filterKey()));
        return keys;
    }

    static String instant(Instant instant) {
        return instant == null ? null : Keys.instant(instant);
    }

    static Instant instant(String text) {
        return text == null ? null : SortableInstants.parse(text);
    }
}
