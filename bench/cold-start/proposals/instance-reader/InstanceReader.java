package dev.ticketing.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.model.AlertNotification;
import dev.ticketing.model.Assignees;
import dev.ticketing.model.AssignmentRule;
import dev.ticketing.model.CustomField;
import dev.ticketing.model.CustomFieldOption;
import dev.ticketing.model.CustomFieldType;
import dev.ticketing.model.Instance;
import dev.ticketing.model.Persona;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads a stored instance definition without Jackson's data binding, which costs a cold start ~300 classes. */
final class InstanceReader {

    private InstanceReader() {
    }

    static Instance read(JsonNode n) {
        return new Instance(text(n, "id"), text(n, "groupId"), text(n, "name"), n.path("enabled").asBoolean(),
                text(n, "tenantId"), text(n, "teamId"), text(n, "channelId"), text(n, "subscriptionId"),
                text(n, "mailAddress"), list(n, "customFields", InstanceReader::field),
                list(n, "customFieldsLeft", InstanceReader::field), list(n, "customFieldsRight", InstanceReader::field),
                list(n, "optionalFieldsLeft", InstanceReader::field),
                list(n, "optionalFieldsRight", InstanceReader::field),
                object(n, "assignees", a -> new Assignees(text(a, "type"), list(a, "peoples", InstanceReader::persona))),
                list(n, "assigneeRules", InstanceReader::rule), list(n, "defaultRuleAssignee", InstanceReader::rule),
                bool(n, "isAutomaticAssignTickets"),
                object(n, "alertNotification", a -> new AlertNotification(a.path("enabled").asBoolean(),
                        a.path("onTicketCreated").asBoolean(), a.path("onStatusChanged").asBoolean(),
                        a.path("onCommentAdded").asBoolean(), list(a, "recipients", InstanceReader::persona))),
                bool(n, "isAutoAssignIdleTickets"),
                n.hasNonNull("dayBeforeTicketsIdle") ? n.get("dayBeforeTicketsIdle").asInt() : null,
                list(n, "idleTicketAssignedTo", InstanceReader::persona), bool(n, "isNotifyIdleTicket"));
    }

    private static CustomField field(JsonNode f) {
        return new CustomField(text(f, "id"), text(f, "name"),
                f.hasNonNull("type") ? CustomFieldType.valueOf(f.get("type").asText()) : null,
                f.path("required").asBoolean(), f.hasNonNull("maxLength") ? f.get("maxLength").asInt() : null,
                list(f, "options", o -> new CustomFieldOption(text(o, "id"), text(o, "text"),
                        o.path("deleted").asBoolean())),
                f.path("deleted").asBoolean());
    }

    private static AssignmentRule rule(JsonNode r) {
        return new AssignmentRule(text(r, "id"), text(r, "field"), text(r, "operator"), text(r, "value"),
                list(r, "assignees", InstanceReader::persona));
    }

    private static Persona persona(JsonNode p) {
        return new Persona(text(p, "id"), text(p, "text"), text(p, "secondaryText"), text(p, "imageUrl"));
    }

    private static String text(JsonNode n, String name) {
        return n.hasNonNull(name) ? n.get(name).asText() : null;
    }

    private static Boolean bool(JsonNode n, String name) {
        return n.hasNonNull(name) ? n.get(name).asBoolean() : null;
    }

    private static <T> T object(JsonNode n, String name, Function<JsonNode, T> read) {
        return n.hasNonNull(name) ? read.apply(n.get(name)) : null;
    }

    private static <T> List<T> list(JsonNode n, String name, Function<JsonNode, T> read) {
        if (!n.hasNonNull(name)) {
            return null;
        }
        List<T> items = new ArrayList<>();
        n.get(name).forEach(item -> items.add(read.apply(item)));
        return items;
    }
}
