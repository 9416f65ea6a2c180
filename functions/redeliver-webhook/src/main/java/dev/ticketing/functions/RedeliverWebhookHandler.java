package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.http.ApiResponses;
import dev.ticketing.http.Handlers;
import dev.ticketing.http.WebhookJson;
import dev.ticketing.lambda.ApiGatewayHandler;
import dev.ticketing.model.Delivery;
import dev.ticketing.service.WebhookService;
import dev.ticketing.webhooks.WebhookDependencies;

/**
 * POST /webhooks/{webhookId}/deliveries/{deliveryId}/redeliver: queues the delivery's event again (same event id,
 * new delivery id); 202 with the new delivery.
 */
public final class RedeliverWebhookHandler extends ApiGatewayHandler {

    private final WebhookService webhooks;

    public RedeliverWebhookHandler() {
        this(WebhookDependencies.service());
    }

    public RedeliverWebhookHandler(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return Handlers.handle(event, context, request -> {
            Delivery delivery = webhooks.redeliver(request.instanceId(), request.pathParameter("webhookId"),
                    request.pathParameter("deliveryId"));
            return ApiResponses.json(202, ApiResponses.item(WebhookJson.delivery(delivery)));
        });
    }
}
