package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.attachments.AttachmentDependencies;
import dev.ticketing.error.ValidationException;
import dev.ticketing.http.ApiResponses;
import dev.ticketing.http.AttachmentJson;
import dev.ticketing.http.Handlers;
import dev.ticketing.json.Json;
import dev.ticketing.lambda.ApiGatewayHandler;
import dev.ticketing.service.AttachmentList;
import dev.ticketing.service.AttachmentService;
import java.time.ZoneOffset;

/**
 * GET /tickets/{ticketId}/attachments: the ticket's files and links, oldest first, files with short-lived download
 * URLs; paged by limit and continuationToken.
 */
public final class ListAttachmentsHandler extends ApiGatewayHandler {

    private static final String TOKEN = "continuationToken";

    private final AttachmentService attachments;

    public ListAttachmentsHandler() {
        this(AttachmentDependencies.service());
    }

    public ListAttachmentsHandler(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @Override
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return Handlers.handle(event, context, request -> {
            String instanceId = request.instanceId();
            ZoneOffset offset = request.timezone();
            String token = request.continuationToken().orElse(null);
            AttachmentList page = attachments.list(instanceId, request.pathParameter("ticketId"),
                    limit(request.query("limit").orElse(null)), token);
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            page.items().forEach(a -> items.add(AttachmentJson.attachment(a, offset)));
            if (page.continuationToken() != null) {
                body.put(TOKEN, page.continuationToken());
            }
            return ApiResponses.json(200, body);
        });
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return AttachmentService.DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("limit", "must be a whole number between 1 and "
                    + AttachmentService.MAX_LIMIT);
        }
    }
}
