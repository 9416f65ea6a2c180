package dev.ticketing.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.http.ApiResponses;
import dev.ticketing.http.TicketJson;
import dev.ticketing.json.Json;
import dev.ticketing.model.Ticket;
import dev.ticketing.service.CreatedInstance;
import dev.ticketing.service.Idempotency;
import dev.ticketing.service.TicketLifecycleService;
import dev.ticketing.service.TicketService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Two instances whose data overlap wherever a key that forgot the instance would collide: tickets with the same
 * numbers, the same tag category (same id, same texts, and one new text both add), the same idempotency keys for
 * a create and a comment (with identical bodies, so a shared record would be replayed rather than refused), and
 * the same kinds of activity. Every other title, person and comment names its instance, so a read that crosses
 * over shows in the data. Created interleaved, A then B for each step, as two tenants would work at once.
 */
public final class OverlappingInstances {

    /** The demo definition's tag category: both instances have it under this same id. */
    public static final String TOPIC = "2283653a-8d36-40eb-9a68-73eb3b331811";
    /** A tag text neither category holds before the tickets bring it. */
    public static final String NEW_TAG = "Added By Both";
    public static final String CREATE_KEY = "overlap-create-key";
    public static final String COMMENT_KEY = "overlap-comment-key";
    public static final String SAME_TITLE = "The same request in both instances";
    public static final String SAME_COMMENT = "The same comment in both instances";

    /**
     * One instance's data. {@code full} is ticket 1 (every person set, updated by another user, commented with
     * {@link #COMMENT_KEY}); ticket 2 was created with {@link #CREATE_KEY}; {@code resolved} is ticket 3, with a
     * status change.
     */
    public record Side(String label, String instanceId, String primaryKey, Ticket full,
                       Idempotency.Response keyedCreate, Idempotency.Response keyedComment, Ticket resolved) {

        /** The id of the ticket the keyed create answered with. */
        public String keyedTicketId() {
            return parse(keyedCreate.body()).at("/item/id").asText();
        }

        /** A value unique to this instance, e.g. {@code person("Requestor")} is "A Requestor". */
        public String person(String role) {
            return label + " " + role;
        }

        public String email(String role) {
            return role.toLowerCase(Locale.ROOT) + "@" + label.toLowerCase(Locale.ROOT) + ".example";
        }

        public String title(int number) {
            return label + ": ticket " + number;
        }

        /** A sample event from events/ sent by this instance, for {@code ticketId} when the route names one. */
        public APIGatewayProxyRequestEvent event(String sample, String ticketId) {
            APIGatewayProxyRequestEvent event = Fixtures.proxyEvent(sample);
            event.getRequestContext().setAuthorizer(Map.of("instanceId", instanceId, "principalId", instanceId));
            if (ticketId != null) {
                event.setPathParameters(Map.of("ticketId", ticketId));
                event.setPath(event.getPath().replaceFirst("^/tickets/1", "/tickets/" + ticketId));
            }
            return event;
        }

        /** As {@link #event(String, String)}, with one more request header. */
        public APIGatewayProxyRequestEvent event(String sample, String ticketId, String header, String value) {
            APIGatewayProxyRequestEvent event = event(sample, ticketId);
            Map<String, String> headers = new HashMap<>(event.getHeaders());
            headers.put(header, value);
            event.setHeaders(headers);
            if (event.getMultiValueHeaders() != null) {
                Map<String, List<String>> multi = new HashMap<>(event.getMultiValueHeaders());
                multi.put(header, List.of(value));
                event.setMultiValueHeaders(multi);
            }
            return event;
        }
    }

    private final Side a;
    private final Side b;

    private OverlappingInstances(Side a, Side b) {
        this.a = a;
        this.b = b;
    }

    public static OverlappingInstances create(Dependencies deps) {
        TicketService tickets = deps.ticketService();
        TicketLifecycleService lifecycle = deps.ticketLifecycleService();
        Builder a = new Builder("A", Fixtures.createDemoInstance(deps));
        Builder b = new Builder("B", Fixtures.createDemoInstance(deps));
        for (Builder side : new Builder[] {a, b}) {
            side.full = tickets.create(side.id(), side.fullTicket());
        }
        for (Builder side : new Builder[] {a, b}) {
            side.keyedCreate = tickets.create(side.id(), sameBody(), Optional.of(CREATE_KEY),
                    t -> Fixtures.created(Json.write(ApiResponses.item(TicketJson.ticket(t, ZoneOffset.UTC)))));
        }
        for (Builder side : new Builder[] {a, b}) {
            side.resolved = tickets.create(side.id(), side.ticket(3));
        }
        for (Builder side : new Builder[] {a, b}) {
            side.full = lifecycle.update(side.id(), Long.toString(side.full.ticketId()), side.byUpdater(),
                    OptionalLong.empty());
            side.keyedComment = lifecycle.addComment(side.id(), Long.toString(side.full.ticketId()), sameComment(),
                    Optional.of(COMMENT_KEY),
                    c -> Fixtures.created(Json.write(ApiResponses.item(TicketJson.comment(c, ZoneOffset.UTC, false)))));
            side.full = tickets.get(side.id(), side.full.id());
            side.resolved = lifecycle.changeStatus(side.id(), Long.toString(side.resolved.ticketId()),
                    side.resolve());
        }
        return new OverlappingInstances(a.build(), b.build());
    }

    public Side a() {
        return a;
    }

    public Side b() {
        return b;
    }

    /** The request body both instances send with {@link #CREATE_KEY}. */
    public static JsonNode sameBody() {
        return parse("{\"ticket\": {\"title\": \"" + SAME_TITLE + "\", \"requestor\": {\"id\": \"same-requestor\", "
                + "\"name\": \"Same Requestor\", \"email\": \"same@example.com\"}, \"tags\": [{\"tagCategoryId\": \""
                + TOPIC + "\", \"text\": \"my tag\"}]}, \"user\": {\"id\": \"same-user\"}}");
    }

    /** The comment body both instances send with {@link #COMMENT_KEY}, to their ticket 1. */
    public static JsonNode sameComment() {
        return parse("{\"comment\": \"" + SAME_COMMENT + "\", \"user\": {\"id\": \"same-user\"}}");
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Builder {

        final String label;
        final CreatedInstance instance;
        Ticket full;
        Idempotency.Response keyedCreate;
        Idempotency.Response keyedComment;
        Ticket resolved;

        Builder(String label, CreatedInstance instance) {
            this.label = label;
            this.instance = instance;
        }

        String id() {
            return instance.instanceId();
        }

        Side side() {
            return new Side(label, id(), instance.primaryKey(), full, keyedCreate, keyedComment, resolved);
        }

        Side build() {
            return side();
        }

        JsonNode fullTicket() {
            Side s = side();
            ObjectNode body = (ObjectNode) ticket(1);
            ObjectNode ticket = (ObjectNode) body.get("ticket");
            ticket.set("assignee", person(s, "Assignee"));
            ticket.put("priority", "Important");
            ticket.set("tags", parse("[{\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"sdsad\"}, "
                    + "{\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"" + NEW_TAG + "\"}]"));
            return body;
        }

        JsonNode ticket(int number) {
            Side s = side();
            ObjectNode ticket = Json.object();
            ticket.put("title", s.title(number));
            ticket.put("description", "Only " + label + " may read this.");
            ticket.set("requestor", person(s, "Requestor"));
            ObjectNode body = Json.object();
            body.set("ticket", ticket);
            body.set("user", person(s, "Creator"));
            return body;
        }

        JsonNode byUpdater() {
            ObjectNode body = Json.object();
            body.set("updates", parse("{\"priority\": \"Urgent\"}"));
            body.set("user", person(side(), "Updater"));
            return body;
        }

        JsonNode resolve() {
            ObjectNode body = Json.object();
            body.put("status", "Resolved");
            body.put("resolution", label + " fixed it");
            body.set("user", person(side(), "Resolver"));
            return body;
        }

        private static ObjectNode person(Side side, String role) {
            ObjectNode user = Json.object();
            user.put("id", side.label().toLowerCase(Locale.ROOT) + "-" + role.toLowerCase(Locale.ROOT));
            user.put("name", side.person(role));
            user.put("email", side.email(role));
            return user;
        }
    }
}
