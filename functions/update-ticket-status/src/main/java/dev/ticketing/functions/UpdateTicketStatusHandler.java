package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.Dependencies;
import dev.ticketing.http.ApiResponses;
import dev.ticketing.http.ETags;
import dev.ticketing.http.Handlers;
import dev.ticketing.http.TicketJson;
import dev.ticketing.lambda.ApiGatewayHandler;
import dev.ticketing.model.Ticket;
import dev.ticketing.service.TicketLifecycleService;
import java.time.ZoneOffset;
import java.util.Map;

/** PUT and POST /tickets/{ticketId}/status (the reference's example uses POST): moves a ticket in its workflow. */
public final class UpdateTicketStatusHandler extends ApiGatewayHandler {

    private final TicketLifecycleService tickets;

    public UpdateTicketStatusHandler() {
        this(Dependencies.get().ticketLifecycleService());
    }

    public UpdateTicketStatusHandler(TicketLifecycleService tickets) {
        this.tickets = tickets;
    }

    @Override
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return Handlers.handle(event, context, request -> {
            String instanceId = request.instanceId();
            ZoneOffset offset = request.timezone();
            Ticket ticket = tickets.changeStatus(instanceId, request.pathParameter("ticketId"), request.jsonBody());
            return ApiResponses.json(200, ApiResponses.item(TicketJson.ticket(ticket, offset)),
                    Map.of(ETags.HEADER, ETags.of(ticket)));
        });
    }
}
