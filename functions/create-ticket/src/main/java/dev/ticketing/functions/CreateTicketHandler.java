package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.Dependencies;
import dev.ticketing.http.ApiResponses;
import dev.ticketing.http.Handlers;
import dev.ticketing.http.Includes;
import dev.ticketing.http.TicketJson;
import dev.ticketing.json.Json;
import dev.ticketing.lambda.ApiGatewayHandler;
import dev.ticketing.service.Idempotency;
import dev.ticketing.service.TicketService;
import java.time.ZoneOffset;
import java.util.Map;

/** POST /tickets: creates a ticket; 201 with {"item": ticket} and its Location; honours Idempotency-Key. */
public final class CreateTicketHandler extends ApiGatewayHandler {

    private final TicketService tickets;

    public CreateTicketHandler() {
        this(Dependencies.get().ticketService());
    }

    public CreateTicketHandler(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return Handlers.handle(event, context, request -> {
            ZoneOffset offset = request.timezone();
            boolean includeHtml = Includes.asks(request, Includes.DESCRIPTION_HTML);
            // A date-only expectedDate is midnight in the caller's timezone, as the live API keeps it. The answer
            // is rendered before the write commits, so that a repeat with the same Idempotency-Key gets it verbatim.
            return ApiResponses.of(tickets.create(request.instanceId(), request.jsonBody(), offset,
                    request.header(Idempotency.HEADER), ticket -> new Idempotency.Response(201,
                            Map.of("Location", "/tickets/" + ticket.ticketId()),
                            Json.write(ApiResponses.item(TicketJson.ticket(ticket, offset, includeHtml))))));
        });
    }
}
