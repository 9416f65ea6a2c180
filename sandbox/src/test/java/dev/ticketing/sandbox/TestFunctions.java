package dev.ticketing.sandbox;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ticketing.lambda.LambdaEvents;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Test functions written as typed lambdas, run as the sandbox runs every function: JSON bytes in and out. */
final class TestFunctions {

    private TestFunctions() {
    }

    static FunctionRunner authorizer(RequestHandler<Object, Object> handler) {
        return typed(APIGatewayCustomAuthorizerEvent.class, handler);
    }

    static FunctionRunner proxy(RequestHandler<Object, Object> handler) {
        return typed(APIGatewayProxyRequestEvent.class, handler);
    }

    private static FunctionRunner typed(Class<?> eventType, RequestHandler<Object, Object> handler) {
        return (event, requestId) -> {
            Object input;
            try {
                input = LambdaEvents.read(event, eventType);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return new FunctionInvocation.Success(
                        LambdaEvents.toBytes(handler.handleRequest(input, new LambdaContext(requestId, "test"))));
            } catch (RuntimeException | IOException e) {
                return new FunctionInvocation.Failure(e.getClass().getName(), e.getMessage());
            }
        };
    }
}
