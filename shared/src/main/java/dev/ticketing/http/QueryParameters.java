package dev.ticketing.http;

import dev.ticketing.error.FieldError;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters each route accepts: those docs/openapi.yaml documents for it, plus {@code key}, which the
 * authorizer reads. Any other is a 400 naming it: a misspelt {@code ?stauts=Open} would otherwise answer every
 * ticket, and a token sent where it is ignored would answer page 1 for ever.
 */
public final class QueryParameters {

    public static final String KEY = "key";
    public static final String CONTINUATION_TOKEN = "continuationToken";

    /** By route, as API Gateway names it in the event: the method, a space, the resource template. */
    public static final Map<String, Set<String>> BY_ROUTE = Map.ofEntries(
            Map.entry("GET /tickets", Set.of("timezone", "search", "title", "status", "statusId", "isResolved",
                    "priority", "tags", "createdAfter", "createdBefore", "expectedDateAfter", "expectedDateBefore",
                    "lastUpdateAfter", "lastUpdateBefore", "orderBy", "order", "select", "offset", "limit", "include",
                    "assignee", "isFrtEscalated", "isRtEscalated", "updatedSince", CONTINUATION_TOKEN)),
            Map.entry("POST /tickets", Set.of("timezone", "include")),
            Map.entry("GET /tickets/{ticketId}", Set.of("timezone", "include")),
            Map.entry("PUT /tickets/{ticketId}", Set.of("timezone", "include")),
            Map.entry("PUT /tickets/{ticketId}/status", Set.of("timezone")),
            Map.entry("POST /tickets/{ticketId}/status", Set.of("timezone")),
            Map.entry("GET /tickets/{ticketId}/activities", Set.of("timezone", "limit", "order", "include",
                    CONTINUATION_TOKEN)),
            Map.entry("POST /tickets/{ticketId}/activities", Set.of("timezone", "include")),
            Map.entry("POST /tickets/{ticketId}/comments", Set.of("timezone", "include")),
            Map.entry("GET /tickets/{ticketId}/attachments", Set.of("timezone", "limit", CONTINUATION_TOKEN)),
            Map.entry("POST /tickets/{ticketId}/attachments", Set.of("timezone", "include")),
            Map.entry("GET /tickets/activity/{activityId}/attachments", Set.of("timezone")),
            Map.entry("GET /instance", Set.of("timezone")),
            Map.entry("GET /tags", Set.of()),
            Map.entry("GET /webhooks", Set.of()),
            Map.entry("POST /webhooks", Set.of()),
            Map.entry("DELETE /webhooks/{webhookId}", Set.of()),
            Map.entry("GET /webhooks/{webhookId}/deliveries", Set.of("limit", CONTINUATION_TOKEN)),
            Map.entry("POST /webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", Set.of()));

    private QueryParameters() {
    }

    /**
     * Rejects the parameters {@code route} does not accept, and a continuation token given both as a header and as
     * a query parameter with two different values. A route this table does not know (an event built without a
     * resource) is not checked.
     */
    public static void check(String route, ApiRequest request) {
        Set<String> accepted = BY_ROUTE.get(route);
        List<FieldError> errors = new ArrayList<>();
        if (accepted != null) {
            for (String name : new TreeSet<>(request.queryNames())) {
                if (!accepted.contains(name) && !KEY.equals(name)) {
                    errors.add(new FieldError(JsonText.printable(name), accepted.isEmpty()
                            ? "is not a parameter of " + route + ", which takes none besides key"
                            : "is not a parameter of " + route + "; it takes " + String.join(", ",
                            new TreeSet<>(accepted)) + " (and key)"));
                }
            }
        }
        String header = request.header(CONTINUATION_TOKEN).filter(t -> !t.isBlank()).orElse(null);
        String query = request.query(CONTINUATION_TOKEN).filter(t -> !t.isBlank()).orElse(null);
        if (header != null && query != null && !header.equals(query)) {
            errors.add(new FieldError(CONTINUATION_TOKEN, "was sent as a header and as a query parameter with two "
                    + "different values; send it once"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
