package dev.ticketing.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.http.InstanceJson;
import dev.ticketing.json.Json;
import dev.ticketing.service.InstanceAdminService;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The admin commands that change an instance's definition, custom fields and tags. Nothing is ever removed:
 * tickets keep values by field and option id, so retiring something marks it deleted.
 */
final class DefinitionCommands {

    /** Command name to its arguments, for the usage text and the argument count check. */
    static final Map<String, List<String>> COMMANDS = Map.ofEntries(
            Map.entry("set-rules", List.of("instanceId", "rules.json | -")),
            Map.entry("replace-definition", List.of("instanceId", "definition.json | -")),
            Map.entry("add-custom-field", List.of("instanceId", "field.json | -")),
            Map.entry("delete-custom-field", List.of("instanceId", "fieldId")),
            Map.entry("add-option", List.of("instanceId", "fieldId", "text")),
            Map.entry("delete-option", List.of("instanceId", "fieldId", "optionId")),
            Map.entry("add-tag-category", List.of("instanceId", "text", "color")),
            Map.entry("delete-tag-category", List.of("instanceId", "tagCategoryId")),
            Map.entry("add-tag", List.of("instanceId", "tagCategoryId", "text")),
            Map.entry("delete-tag", List.of("instanceId", "tagCategoryId", "text")),
            Map.entry("set-sla", List.of("instanceId", "sla.json | -")));

    static final String USAGE = String.join("\n",
            "  admin set-rules <instanceId> <rules.json | ->",
            "      sets the assignment rules: {\"assigneeRules\"?, \"defaultRuleAssignee\"?,",
            "      \"isAutomaticAssignTickets\"?} (IRule[], IRule[], boolean); a member left out keeps its value;",
            "      validated like a definition (fields, operators, custom field ids, priorities, assignees, tags)",
            "  admin replace-definition <instanceId> <definition.json | ->",
            "      replaces the IInstance definition; every existing custom field and option must stay (mark",
            "      them \"deleted\": true instead); tag categories have their own commands",
            "  admin add-custom-field <instanceId> <field.json | ->     (an ICustomField; id generated if absent)",
            "  admin delete-custom-field <instanceId> <fieldId>",
            "  admin add-option <instanceId> <fieldId> <text>           (item pickers; prints the new option id)",
            "  admin delete-option <instanceId> <fieldId> <optionId>",
            "  admin add-tag-category <instanceId> <text> <color>",
            "  admin delete-tag-category <instanceId> <tagCategoryId>",
            "  admin add-tag <instanceId> <tagCategoryId> <text>        (restores the tag if it was deleted)",
            "  admin delete-tag <instanceId> <tagCategoryId> <text>",
            "      delete-* commands mark deleted: existing tickets keep their values, new ones cannot use them",
            "  admin set-sla <instanceId> <sla.json | ->",
            "      sets the service-level policy: {\"enabled\": true, \"rules\": [{\"priority\": \"Urgent\",",
            "      \"firstResponseHours\": 1, \"resolutionHours\": 8}]}; new tickets, and tickets whose priority",
            "      changes, get its targets");

    private DefinitionCommands() {
    }

    /** The usage lines of one command. */
    static String usage(String command) {
        String prefix = "  admin " + command + " ";
        StringBuilder lines = new StringBuilder();
        boolean inCommand = false;
        for (String line : USAGE.split("\n")) {
            if (line.startsWith("  admin ")) {
                inCommand = line.startsWith(prefix);
            }
            if (inCommand) {
                lines.append(lines.isEmpty() ? "" : "\n").append(line);
            }
        }
        return lines.toString();
    }

    static boolean handles(String command) {
        return COMMANDS.containsKey(command);
    }

    /** Runs a command whose argument count has been checked; prints the changed object as JSON. */
    static int run(String command, String[] a, InputStream in, PrintStream out, PrintStream err,
                   InstanceAdminService service) throws IOException {
        if (a.length != COMMANDS.get(command).size()) {
            err.println("usage:\n" + usage(command));
            return ExitCodes.USAGE;
        }
        JsonNode result = switch (command) {
            case "set-rules" -> instance(service.setRules(a[0], readJson(a[1], in)));
            case "replace-definition" -> instance(service.replaceDefinition(a[0], readJson(a[1], in)));
            case "add-custom-field" -> instance(service.addCustomField(a[0], readJson(a[1], in)));
            case "delete-custom-field" -> instance(service.markCustomFieldDeleted(a[0], a[1], true));
            case "add-option" -> Json.object().put("optionId", service.addOption(a[0], a[1], a[2]));
            case "delete-option" -> instance(service.markOptionDeleted(a[0], a[1], a[2], true));
            case "add-tag-category" -> InstanceJson.tagCategory(service.addTagCategory(a[0], a[1], a[2]));
            case "delete-tag-category" -> InstanceJson.tagCategory(service.markTagCategoryDeleted(a[0], a[1], true));
            case "add-tag" -> InstanceJson.tagCategory(service.addTag(a[0], a[1], a[2]));
            case "delete-tag" -> InstanceJson.tagCategory(service.markTagDeleted(a[0], a[1], a[2], true));
            case "set-sla" -> instance(service.setSla(a[0], readJson(a[1], in)));
            default -> throw new IllegalArgumentException(command);
        };
        out.println(Json.write(result));
        return ExitCodes.OK;
    }

    private static JsonNode instance(dev.ticketing.model.Instance instance) {
        return InstanceJson.instance(instance);
    }

    private static JsonNode readJson(String source, InputStream in) throws IOException {
        byte[] bytes = "-".equals(source) ? in.readAllBytes() : Files.readAllBytes(Path.of(source));
        return Json.MAPPER.readTree(bytes);
    }
}
