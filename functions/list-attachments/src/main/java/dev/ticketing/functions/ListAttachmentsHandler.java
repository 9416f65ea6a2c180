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
import dev.ticketing.service.PageRequest;
import dev.ticketing.service.ResolvedAttachment;
import dev.ticketing.store.Page;
import dev.ticketing.service.AttachmentService;
import java.time.ZoneOffset;

/**
 * GET /tickets/{ticketId}/attachments: the ticket's files and links, oldest first, files with short-lived download
 * URLs; paged by limit and continuationToken.
 */
public final class ListAttachmentsHandler extends ApiGatewayHandler {

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
            Page<ResolvedAttachment> page = attachments.list(instanceId, request.pathParameter("ticketId"),
                    PageRequest.parse(request::query, request.header(PageRequest.TOKEN),
                            AttachmentService.DEFAULT_LIMIT));
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            page.items().forEach(a -> items.add(AttachmentJson.attachment(a, offset)));
            page.continuationToken().ifPresent(token -> body.put(PageRequest.TOKEN, token));
            return ApiResponses.json(200, body);
        });
    }
}
