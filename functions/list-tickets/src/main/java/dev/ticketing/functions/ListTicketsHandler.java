package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.http.ApiResponses;
import dev.ticketing.http.Handlers;
import dev.ticketing.http.Includes;
import dev.ticketing.http.TicketJson;
import dev.ticketing.http.TicketSelect;
import dev.ticketing.json.Json;
import dev.ticketing.lambda.ApiGatewayHandler;
import dev.ticketing.model.Ticket;
import dev.ticketing.service.PageRequest;
import dev.ticketing.service.TicketListParameters;
import dev.ticketing.service.TicketListService;
import dev.ticketing.store.Page;
import dev.ticketing.store.TicketQuery;
import java.time.ZoneOffset;

/**
 * GET /tickets: a page of tickets, filtered, ordered and projected; the next page's token when there is one, and how
 * many tickets match in all when that is known.
 */
public final class ListTicketsHandler extends ApiGatewayHandler {

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
            TicketQuery query = TicketListParameters.parse(instanceId, request::query,
                    request.header(PageRequest.TOKEN), offset);
            Page<Ticket> page = tickets.list(query);
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            boolean includeHtml = Includes.asks(request, Includes.DESCRIPTION_HTML);
            page.items().forEach(ticket -> {
                ObjectNode rendered = select.render(ticket, offset);
                if (includeHtml) {
                    TicketJson.addDescriptionHtml(rendered, ticket);
                }
                items.add(rendered);
            });
            page.continuationToken().ifPresent(token -> body.put(PageRequest.TOKEN, token));
            page.itemCount().ifPresent(count -> body.put("itemCount", count));
            return ApiResponses.json(200, body);
        });
    }
}
