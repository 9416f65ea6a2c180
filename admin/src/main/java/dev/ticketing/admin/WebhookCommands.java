package dev.ticketing.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.http.WebhookJson;
import dev.ticketing.json.Json;
import dev.ticketing.model.Webhook;
import dev.ticketing.service.WebhookService;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * The admin commands of an instance's webhooks (docs/events.md), with the rules of the API's routes: the URL checks
 * of the configuration ({@code WEBHOOK_ALLOW_LOCAL_URLS}), the limit of 10, the secret printed once.
 */
final class WebhookCommands {

    /** Command name to its usage. */
    static final Map<String, String> COMMANDS = Map.of(
            "list-webhooks", String.join("\n",
                    "  admin list-webhooks <instanceId>",
                    "      prints {\"items\": [{\"id\", \"url\", \"events\", \"createdOn\"}...]}, never the secrets"),
            "create-webhook", String.join("\n",
                    "  admin create-webhook <instanceId> <url> [eventType...]",
                    "      registers a webhook (all event types when none is given) and prints it with its secret,",
                    "      which is shown this once"),
            "delete-webhook", String.join("\n",
                    "  admin delete-webhook <instanceId> <webhookId>",
                    "      deletes the webhook; nothing more is delivered to it"));

    static final String USAGE = String.join("\n", COMMANDS.get("list-webhooks"), COMMANDS.get("create-webhook"),
            COMMANDS.get("delete-webhook"));

    private WebhookCommands() {
    }

    static boolean handles(String command) {
        return COMMANDS.containsKey(command);
    }

    /** Runs one command; prints JSON on {@code out}, usage on {@code err} for wrong arguments. */
    static int run(String command, String[] a, PrintStream out, PrintStream err, WebhookService service) {
        boolean arityOk = switch (command) {
            case "list-webhooks" -> a.length == 1;
            case "create-webhook" -> a.length >= 2;
            case "delete-webhook" -> a.length == 2;
            default -> false;
        };
        if (!arityOk) {
            err.println("usage:\n" + COMMANDS.get(command));
            return ExitCodes.USAGE;
        }
        switch (command) {
            case "list-webhooks" -> {
                ObjectNode body = Json.object();
                ArrayNode items = body.putArray("items");
                service.list(a[0]).forEach(w -> items.add(WebhookJson.webhook(w, false)));
                out.println(Json.write(body));
            }
            case "create-webhook" -> {
                ObjectNode body = Json.object().put("url", a[1]);
                if (a.length > 2) {
                    ArrayNode events = body.putArray("events");
                    Arrays.stream(a, 2, a.length).forEach(events::add);
                }
                Webhook webhook = service.create(a[0], body);
                out.println(Json.write(WebhookJson.webhook(webhook, true)));
            }
            case "delete-webhook" -> {
                service.delete(a[0], a[1]);
                out.println(Json.write(Json.object().put("deleted", a[1])));
            }
            default -> throw new IllegalArgumentException(command);
        }
        return ExitCodes.OK;
    }
}
