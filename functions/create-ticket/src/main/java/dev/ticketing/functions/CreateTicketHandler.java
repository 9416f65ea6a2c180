package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ticketing.Dependencies;
import dev.ticketing.http.ApiResponses;
import dev.ticketing.http.Handlers;
import dev.ticketing.http.TicketJson;
import dev.ticketing.json.Json;
import dev.ticketing.lambda.ApiGatewayHandler;
import dev.ticketing.model.Ticket;
import dev.ticketing.service.Idempotency;
import dev.ticketing.service.TicketService;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

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
            String instanceId = request.instanceId();
            ZoneOffset offset = request.timezone();
            Optional<String> idempotencyKey = request.header(Idempotency.HEADER);
            if (idempotencyKey.isPresent()) {
                // A repeat gets the first response verbatim, so the body is rendered once, before the write.
                Idempotency.Response response = tickets.create(instanceId, request.jsonBody(), idempotencyKey.get(),
                        ticket -> Json.write(ApiResponses.item(TicketJson.ticket(ticket, offset))));
                return ApiResponses.json(response.statusCode(), response.body(),
                        Map.of("Location", location(response.body())));
            }
            Ticket ticket = tickets.create(instanceId, request.jsonBody());
            return ApiResponses.json(201, ApiResponses.item(TicketJson.ticket(ticket, offset)),
                    Map.of("Location", "/tickets/" + ticket.ticketId()));
        });
    }

    private static String location(String body) {
        try {
            return "/tickets/" + Json.parse(body).at("/item/ticketId").asLong();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored response is not JSON", e);
        }
    }
}
