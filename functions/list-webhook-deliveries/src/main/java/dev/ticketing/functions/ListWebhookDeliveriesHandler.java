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
import dev.ticketing.model.DeliveryAttempt;
import dev.ticketing.service.PageRequest;
import dev.ticketing.service.WebhookService;
import dev.ticketing.store.Page;

/** GET /webhooks/{webhookId}/deliveries: the webhook's delivery attempts, most recent first, paginated. */
public final class ListWebhookDeliveriesHandler extends ApiGatewayHandler {

    private final WebhookService webhooks;

    public ListWebhookDeliveriesHandler() {
        this(Dependencies.get().webhookService());
    }

    public ListWebhookDeliveriesHandler(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return Handlers.handle(event, context, request -> {
            Page<DeliveryAttempt> page = webhooks.attempts(request.instanceId(), request.pathParameter("webhookId"),
                    PageRequest.parse(request::query, request.header(PageRequest.TOKEN)));
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            page.items().forEach(a -> items.add(WebhookJson.attempt(a)));
            page.continuationToken().ifPresent(token -> body.put(PageRequest.TOKEN, token));
            return ApiResponses.json(200, body);
        });
    }
}
