package dev.ticketing.bench.coldstart.child;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/** The status code of a handler's response, so a run that answered an error is not counted as a success. */
public final class Responses {

    private Responses() {
    }

    public static int status(Object response) {
        return response instanceof APIGatewayProxyResponseEvent event && event.getStatusCode() != null
                ? event.getStatusCode() : -1;
    }
}
