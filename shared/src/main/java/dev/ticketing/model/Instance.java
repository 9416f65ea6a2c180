package dev.ticketing.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * IInstance: one ticketing instance (a helpdesk), its settings and custom field definitions.
 * Custom fields are defined in {@code customFields}; the four layout lists place fields in the form and
 * may also define fields. {@code sla} is not in the reference's IInstance: the live API returns it, and it sets the
 * tickets' service-level targets. Keys are never part of this record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Instance(
        String id,
        String groupId,
        String name,
        boolean enabled,
        String tenantId,
        String teamId,
        String channelId,
        String subscriptionId,
        String mailAddress,
        List<CustomField> customFields,
        List<CustomField> customFieldsLeft,
        List<CustomField> customFieldsRight,
        List<CustomField> optionalFieldsLeft,
        List<CustomField> optionalFieldsRight,
        Assignees assignees,
        List<AssignmentRule> assigneeRules,
        List<AssignmentRule> defaultRuleAssignee,
        Boolean isAutomaticAssignTickets,
        AlertNotification alertNotification,
        Boolean isAutoAssignIdleTickets,
        Integer dayBeforeTicketsIdle,
        List<Persona> idleTicketAssignedTo,
        Boolean isNotifyIdleTicket,
        SlaPolicy sla) {

    /** Days without interaction after which a ticket is idle, when the instance does not say. */
    public static final int DEFAULT_DAYS_BEFORE_IDLE = 2;

    /** The service-level policy; none when the instance has not set one. */
    public SlaPolicy slaPolicy() {
        return sla == null ? SlaPolicy.NONE : sla;
    }

    /** Whether anything acts on idle tickets: reassigning them, or notifying about them. */
    public boolean watchesIdleTickets() {
        return Boolean.TRUE.equals(isAutoAssignIdleTickets) || Boolean.TRUE.equals(isNotifyIdleTicket);
    }

    public int daysBeforeIdle() {
        return dayBeforeTicketsIdle == null ? DEFAULT_DAYS_BEFORE_IDLE : dayBeforeTicketsIdle;
    }

    /** Every custom field definition, by id, from all five lists (the first definition of an id wins). */
    public Map<String, CustomField> customFieldsById() {
        Map<String, CustomField> byId = new LinkedHashMap<>();
        for (List<CustomField> list : allFieldLists()) {
            for (CustomField field : list) {
                byId.putIfAbsent(field.id(), field);
            }
        }
        return byId;
    }

    public Optional<CustomField> customField(String id) {
        return Optional.ofNullable(customFieldsById().get(id));
    }

    private List<List<CustomField>> allFieldLists() {
        return Stream.of(customFields, customFieldsLeft, customFieldsRight, optionalFieldsLeft, optionalFieldsRight)
                .filter(Objects::nonNull)
                .toList();
    }
}
