package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.Dependencies;
import dev.ticketing.http.ApiResponses;
import dev.ticketing.http.Handlers;
import dev.ticketing.http.WebhookJson;
import dev.ticketing.lambda.ApiGatewayHandler;
import dev.ticketing.model.Webhook;
import dev.ticketing.service.WebhookService;

/** POST /webhooks: subscribes a URL to events; 201 with the webhook and its secret, which is never shown again. */
public final class CreateWebhookHandler extends ApiGatewayHandler {

    private final WebhookService webhooks;

    public CreateWebhookHandler() {
        this(Dependencies.get().webhookService());
    }

    public CreateWebhookHandler(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return Handlers.handle(event, context, request -> {
            Webhook webhook = webhooks.create(request.instanceId(), request.jsonBody());
            return ApiResponses.json(201, ApiResponses.item(WebhookJson.webhook(webhook, true)));
        });
    }
}
