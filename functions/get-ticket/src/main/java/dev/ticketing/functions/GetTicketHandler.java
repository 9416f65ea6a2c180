package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.Dependencies;
import dev.ticketing.http.ApiResponses;
import dev.ticketing.http.ETags;
import dev.ticketing.http.Handlers;
import dev.ticketing.http.Includes;
import dev.ticketing.http.TicketJson;
import dev.ticketing.lambda.ApiGatewayHandler;
import dev.ticketing.model.Ticket;
import dev.ticketing.service.TicketService;
import java.time.ZoneOffset;
import java.util.Map;

/** GET /tickets/{ticketId}: one ticket, by its number or its UUID. */
public final class GetTicketHandler extends ApiGatewayHandler {

    private final TicketService tickets;

    public GetTicketHandler() {
        this(Dependencies.get().ticketService());
    }

    public GetTicketHandler(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return Handlers.handle(event, context, request -> {
            String instanceId = request.instanceId();
            ZoneOffset offset = request.timezone();
            Ticket ticket = tickets.get(instanceId, request.pathParameter("ticketId"));
            boolean includeHtml = Includes.asks(request, Includes.DESCRIPTION_HTML);
            return ApiResponses.json(200, ApiResponses.item(TicketJson.ticket(ticket, offset, includeHtml)),
                    Map.of(ETags.HEADER, ETags.of(ticket)));
        });
    }
}
