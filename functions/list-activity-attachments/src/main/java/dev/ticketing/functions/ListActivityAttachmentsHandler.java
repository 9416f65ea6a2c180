package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.attachments.AttachmentDependencies;
import dev.ticketing.http.ApiResponses;
import dev.ticketing.http.AttachmentJson;
import dev.ticketing.http.Handlers;
import dev.ticketing.json.Json;
import dev.ticketing.lambda.ApiGatewayHandler;
import dev.ticketing.service.AttachmentService;
import java.time.ZoneOffset;

/** GET /tickets/activity/{activityId}/attachments: what one attachment activity attached, in order. */
public final class ListActivityAttachmentsHandler extends ApiGatewayHandler {

    private final AttachmentService attachments;

    public ListActivityAttachmentsHandler() {
        this(AttachmentDependencies.service());
    }

    public ListActivityAttachmentsHandler(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @Override
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return Handlers.handle(event, context, request -> {
            String instanceId = request.instanceId();
            ZoneOffset offset = request.timezone();
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            attachments.ofActivity(instanceId, request.pathParameter("activityId"))
                    .forEach(a -> items.add(AttachmentJson.attachment(a, offset)));
            return ApiResponses.json(200, body);
        });
    }
}
