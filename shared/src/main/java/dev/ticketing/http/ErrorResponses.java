package dev.ticketing.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.error.ErrorBodies;
import dev.ticketing.error.ErrorCode;
import dev.ticketing.error.TicketingException;

/**
 * Where the domain's errors become HTTP answers: the status of every {@link ErrorCode}, and the response. The
 * switch has no default, so a new code does not compile until it has a status here.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static int status(ErrorCode code) {
        return switch (code) {
            case ValidationError, BadRequest -> 400;
            case Unauthorized -> 401;
            case Forbidden -> 403;
            case NotFound -> 404;
            case MethodNotAllowed -> 405;
            case InvalidStatusTransition, ConcurrentModification, TicketAlreadyExists, InstanceAlreadyExists,
                 IdempotencyKeyInUse, WebhookLimitReached -> 409;
            case PreconditionFailed -> 412;
            case PayloadTooLarge -> 413;
            case IdempotencyKeyReused -> 422;
            case TooManyRequests, QuotaExceeded -> 429;
            case InternalError -> 500;
            case BadGateway -> 502;
            case GatewayTimeout -> 504;
        };
    }

    public static APIGatewayProxyResponseEvent of(TicketingException e) {
        int status = status(e.code());
        return ApiResponses.json(status, ErrorBodies.of(status, e));
    }

    /** The answer to a failure we did not foresee: a 500 that reveals nothing of the cause. */
    public static APIGatewayProxyResponseEvent internalError() {
        return of(new TicketingException(ErrorCode.InternalError));
    }
}
