package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.attachments.AttachmentDependencies;
import dev.ticketing.error.ValidationException;
import dev.ticketing.http.ApiResponses;
import dev.ticketing.http.AttachmentJson;
import dev.ticketing.http.Handlers;
import dev.ticketing.http.Includes;
import dev.ticketing.http.MultipartForm;
import dev.ticketing.lambda.ApiGatewayHandler;
import dev.ticketing.service.AttachmentService;
import dev.ticketing.service.Idempotency;
import dev.ticketing.service.UploadPart;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

/**
 * POST /tickets/{ticketId}/attachments: a multipart/form-data upload of {@code files} (with comment, isPrivate and
 * user), or JSON: links, a request for an upload URL, or the completion of an upload. 201 with {"item": the
 * attachment activity}, or with {"item": the upload URL} for a request for one.
 */
public final class AddAttachmentHandler extends ApiGatewayHandler {

    private final AttachmentService attachments;

    public AddAttachmentHandler() {
        this(AttachmentDependencies.service());
    }

    public AddAttachmentHandler(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @Override
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return Handlers.handle(event, context, request -> {
            String instanceId = request.instanceId();
            ZoneOffset offset = request.timezone();
            String ticketId = request.pathParameter("ticketId");
            // The live API's clients ask for comment_HTML here too; an attachment's comment is text only, so
            // there is nothing more to include, but the parameter is still checked.
            Includes.asks(request, Includes.COMMENT_HTML);
            if (request.header(Idempotency.HEADER).isPresent()) {
                throw new ValidationException(Idempotency.HEADER, "is not supported on this route: a repeated post "
                        + "attaches again, so list the ticket's attachments before retrying");
            }
            String contentType = request.header("Content-Type").orElse(null);
            if (MultipartForm.isMultipart(contentType)) {
                List<UploadPart> parts = MultipartForm.parse(contentType, body(event)).stream()
                        .map(p -> new UploadPart(p.name(), p.fileName(), p.contentType(), p.content())).toList();
                return ApiResponses.json(201, ApiResponses.item(AttachmentJson.activity(
                        attachments.upload(instanceId, ticketId, parts), offset)));
            }
            AttachmentService.Outcome outcome = attachments.post(instanceId, ticketId, request.jsonBody());
            if (outcome instanceof AttachmentService.UploadStarted started) {
                return ApiResponses.json(201, ApiResponses.item(AttachmentJson.upload(started.grant(), offset)));
            }
            return ApiResponses.json(201, ApiResponses.item(AttachmentJson.activity(
                    ((AttachmentService.Recorded) outcome).activity(), offset)));
        });
    }

    /** The raw body: API Gateway passes multipart/form-data base64-encoded (a binary media type of the API). */
    private static byte[] body(APIGatewayProxyRequestEvent event) {
        if (event.getBody() == null) {
            return new byte[0];
        }
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            try {
                return Base64.getDecoder().decode(event.getBody());
            } catch (IllegalArgumentException e) {
                throw new ValidationException("body", "is marked base64-encoded but is not valid base64");
            }
        }
        return event.getBody().getBytes(StandardCharsets.UTF_8);
    }
}
