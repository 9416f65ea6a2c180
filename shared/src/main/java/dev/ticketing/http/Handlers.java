package dev.ticketing.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.error.TicketingException;
import dev.ticketing.log.Log;
import java.util.function.Function;

/**
 * Runs a handler's body and maps every failure to the one JSON error shape, in one place: domain
 * exceptions to their status, anything else to a 500 that reveals nothing of the cause.
 */
public final class Handlers {

    private Handlers() {
    }

    public static APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context,
                                                      Function<ApiRequest, APIGatewayProxyResponseEvent> body) {
        long start = System.nanoTime();
        APIGatewayProxyResponseEvent response;
        try {
            ApiRequest request = new ApiRequest(event);
            QueryParameters.check(route(event), request);
            response = body.apply(request);
        } catch (TicketingException e) {
            response = ErrorResponses.of(e);
        } catch (RuntimeException e) {
            Log.error("request failed", e, "route", route(event), "requestId", requestId(context));
            response = ErrorResponses.internalError();
        }
        // Only the route template and the status are logged: the path may hold ids, the query the API key.
        Log.info("request", "route", route(event), "status", response.getStatusCode(),
                "durationMs", (System.nanoTime() - start) / 1_000_000, "requestId", requestId(context));
        return response;
    }

    private static String route(APIGatewayProxyRequestEvent event) {
        return event.getHttpMethod() + " " + event.getResource();
    }

    private static String requestId(Context context) {
        return context == null ? null : context.getAwsRequestId();
    }
}
