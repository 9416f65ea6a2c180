package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.http.ApiResponses;
import dev.ticketing.http.Handlers;
import dev.ticketing.http.WebhookJson;
import dev.ticketing.json.Json;
import dev.ticketing.lambda.ApiGatewayHandler;
import dev.ticketing.service.WebhookService;

/** GET /webhooks: the instance's webhook subscriptions, oldest first, without their secrets. */
public final class ListWebhooksHandler extends ApiGatewayHandler {

    private final WebhookService webhooks;

    public ListWebhooksHandler() {
        this(Dependencies.get().webhookService());
    }

    public ListWebhooksHandler(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return Handlers.handle(event, context, request -> {
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            webhooks.list(request.instanceId()).forEach(w -> items.add(WebhookJson.webhook(w, false)));
            return ApiResponses.json(200, body);
        });
    }
}
