package dev.ticketing.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The Lambda entry point of every API function: reads the proxy event, calls {@link #handle}, writes the proxy
 * response. Lambda's runtime sees a {@link RequestStreamHandler} and passes the raw bytes, so its own event
 * serializer is never loaded; tests and the in-process sandbox call {@link #handle} with the typed event.
 */
public abstract class ApiGatewayHandler implements RequestStreamHandler {

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        APIGatewayProxyRequestEvent event = LambdaEvents.readProxyRequest(input);
        LambdaEvents.write(handle(event, context), output);
    }

    /** Answers one API Gateway proxy request; never throws for anything a client sent. */
    public abstract APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context);
}
