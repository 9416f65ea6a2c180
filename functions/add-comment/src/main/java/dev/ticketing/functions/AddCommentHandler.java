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
import dev.ticketing.service.TicketLifecycleService;
import java.time.ZoneOffset;
import java.util.Map;

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
            ZoneOffset offset = request.timezone();
            boolean includeHtml = Includes.asks(request, Includes.COMMENT_HTML);
            return ApiResponses.of(tickets.addComment(request.instanceId(), request.pathParameter("ticketId"),
                    request.jsonBody(), request.header(Idempotency.HEADER), comment -> new Idempotency.Response(201,
                            Map.of(), Json.write(ApiResponses.item(TicketJson.comment(comment, offset,
                                    includeHtml))))));
        });
    }
}
