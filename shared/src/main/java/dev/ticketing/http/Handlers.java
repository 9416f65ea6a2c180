package dev.ticketing.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.error.TicketingException;
import dev.ticketing.observability.RequestScope;
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
        RequestScope scope = RequestScope.open(event, context);
        APIGatewayProxyResponseEvent response;
        try {
            ApiRequest request = new ApiRequest(event);
            QueryParameters.check(route(event), request);
            response = body.apply(request);
        } catch (TicketingException e) {
            scope.refused(e.code().name());
            response = ErrorResponses.of(e);
        } catch (RuntimeException e) {
            scope.failed(e);
            response = ErrorResponses.internalError();
        }
        scope.close(response.getStatusCode());
        return response;
    }

    private static String route(APIGatewayProxyRequestEvent event) {
        return event.getHttpMethod() + " " + event.getResource();
    }
}
