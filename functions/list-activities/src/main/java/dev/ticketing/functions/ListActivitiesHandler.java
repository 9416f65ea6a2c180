package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.error.ValidationException;
import dev.ticketing.http.ApiRequest;
import dev.ticketing.http.ApiResponses;
import dev.ticketing.http.Handlers;
import dev.ticketing.http.Includes;
import dev.ticketing.http.TicketJson;
import dev.ticketing.json.Json;
import dev.ticketing.lambda.ApiGatewayHandler;
import dev.ticketing.model.Activity;
import dev.ticketing.service.PageRequest;
import dev.ticketing.service.TicketLifecycleService;
import dev.ticketing.store.Page;
import java.time.ZoneOffset;

/**
 * GET /tickets/{ticketId}/activities: the ticket's history, newest first (order=ASC for oldest first), paged by limit
 * and continuationToken.
 */
public final class ListActivitiesHandler extends ApiGatewayHandler {

    private final TicketLifecycleService tickets;

    public ListActivitiesHandler() {
        this(Dependencies.get().ticketLifecycleService());
    }

    public ListActivitiesHandler(TicketLifecycleService tickets) {
        this.tickets = tickets;
    }

    @Override
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return Handlers.handle(event, context, request -> {
            String instanceId = request.instanceId();
            ZoneOffset offset = request.timezone();
            boolean includeHtml = Includes.asks(request, Includes.COMMENT_HTML);
            Page<Activity> page = tickets.activities(instanceId, request.pathParameter("ticketId"),
                    PageRequest.parse(request::query, request.header(PageRequest.TOKEN)), oldestFirst(request));
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            page.items().forEach(a -> items.add(TicketJson.activity(a, offset, includeHtml)));
            // As on GET /tickets: the token is present only while more activities exist.
            page.continuationToken().ifPresent(token -> body.put(PageRequest.TOKEN, token));
            return ApiResponses.json(200, body);
        });
    }

    /** Newest first, as the reference's "reverse chronological stream" and the live API answer; order=ASC reverses. */
    private static boolean oldestFirst(ApiRequest request) {
        return switch (request.query("order").map(String::strip).orElse("DESC")) {
            case "ASC" -> true;
            case "DESC", "" -> false;
            default -> throw new ValidationException("order", "must be ASC or DESC");
        };
    }
}
