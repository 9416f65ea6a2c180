package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.Dependencies;
import dev.ticketing.http.ApiResponses;
import dev.ticketing.http.Handlers;
import dev.ticketing.http.TicketJson;
import dev.ticketing.json.Json;
import dev.ticketing.lambda.ApiGatewayHandler;
import dev.ticketing.model.Activity;
import dev.ticketing.service.Idempotency;
import dev.ticketing.service.TicketLifecycleService;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * POST /tickets/{ticketId}/activities, also routed as /comments: adds a comment; 201 with {"item": comment}.
 * Honours Idempotency-Key.
 */
public final class AddCommentHandler extends ApiGatewayHandler {

    private final TicketLifecycleService tickets;

    public AddCommentHandler() {
        this(Dependencies.get().ticketLifecycleService());
    }

    public AddCommentHandler(TicketLifecycleService tickets) {
        this.tickets = tickets;
    }

    @Override
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return Handlers.handle(event, context, request -> {
            String instanceId = request.instanceId();
            ZoneOffset offset = request.timezone();
            String ticketId = request.pathParameter("ticketId");
            Optional<String> idempotencyKey = request.header(Idempotency.HEADER);
            if (idempotencyKey.isPresent()) {
                Idempotency.Response response = tickets.addComment(instanceId, ticketId, request.jsonBody(),
                        idempotencyKey.get(), c -> Json.write(ApiResponses.item(TicketJson.activity(c, offset))));
                return ApiResponses.json(response.statusCode(), response.body(), Map.of());
            }
            Activity comment = tickets.addComment(instanceId, ticketId, request.jsonBody());
            return ApiResponses.json(201, ApiResponses.item(TicketJson.activity(comment, offset)));
        });
    }
}
