package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.http.ApiResponses;
import dev.ticketing.http.Handlers;
import dev.ticketing.http.TicketSelect;
import dev.ticketing.json.Json;
import dev.ticketing.lambda.ApiGatewayHandler;
import dev.ticketing.service.TicketListParameters;
import dev.ticketing.service.TicketListService;
import dev.ticketing.store.TicketPage;
import dev.ticketing.store.TicketQuery;
import java.time.ZoneOffset;

/**
 * GET /tickets: a page of tickets, filtered, ordered and projected; the next page's token when there is one, and how
 * many tickets match in all when that is known.
 */
public final class ListTicketsHandler extends ApiGatewayHandler {

    static final String TOKEN_HEADER = "continuationToken";

    private final TicketListService tickets;

    public ListTicketsHandler() {
        this(Dependencies.get().ticketListService());
    }

    public ListTicketsHandler(TicketListService tickets) {
        this.tickets = tickets;
    }

    @Override
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return Handlers.handle(event, context, request -> {
            String instanceId = request.instanceId();
            ZoneOffset offset = request.timezone();
            TicketSelect select = TicketSelect.parse(request.query("select"));
            TicketQuery query = TicketListParameters.parse(instanceId, request::query, request.header(TOKEN_HEADER),
                    offset);
            TicketPage page = tickets.list(query);
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            page.items().forEach(ticket -> items.add(select.render(ticket, offset)));
            page.continuationToken().ifPresent(token -> body.put("continuationToken", token));
            page.itemCount().ifPresent(count -> body.put("itemCount", count));
            return ApiResponses.json(200, body);
        });
    }
}
