package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.Dependencies;
import dev.ticketing.http.Handlers;
import dev.ticketing.lambda.ApiGatewayHandler;
import dev.ticketing.service.WebhookService;
import java.util.Map;

/** DELETE /webhooks/{webhookId}: 204; deliveries already queued are dropped when their turn comes. */
public final class DeleteWebhookHandler extends ApiGatewayHandler {

    private final WebhookService webhooks;

    public DeleteWebhookHandler() {
        this(Dependencies.get().webhookService());
    }

    public DeleteWebhookHandler(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return Handlers.handle(event, context, request -> {
            webhooks.delete(request.instanceId(), request.pathParameter("webhookId"));
            return new APIGatewayProxyResponseEvent().withStatusCode(204).withHeaders(Map.of());
        });
    }
}
