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
import dev.ticketing.service.TicketLifecycleService;
import java.time.ZoneOffset;
import java.util.Map;

/** PUT /tickets/{ticketId}: changes some fields of a ticket; honours If-Match with the ETag of a GET. */
public final class UpdateTicketHandler extends ApiGatewayHandler {

    private final TicketLifecycleService tickets;

    public UpdateTicketHandler() {
        this(Dependencies.get().ticketLifecycleService());
    }

    public UpdateTicketHandler(TicketLifecycleService tickets) {
        this.tickets = tickets;
    }

    @Override
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return Handlers.handle(event, context, request -> {
            String instanceId = request.instanceId();
            ZoneOffset offset = request.timezone();
            boolean includeHtml = Includes.asks(request, Includes.DESCRIPTION_HTML);
            // A date-only expectedDate is midnight in the caller's timezone, as the live API keeps it.
            Ticket ticket = tickets.update(instanceId, request.pathParameter("ticketId"), request.jsonBody(),
                    ETags.ifMatch(request), offset);
            return ApiResponses.json(200, ApiResponses.item(TicketJson.ticket(ticket, offset, includeHtml)),
                    Map.of(ETags.HEADER, ETags.of(ticket)));
        });
    }
}
