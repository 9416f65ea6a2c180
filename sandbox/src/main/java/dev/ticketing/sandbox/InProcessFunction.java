package dev.ticketing.sandbox;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * A function's stream handler called in this JVM, with the same bytes Lambda's runtime would pass. Unlike Lambda,
 * which gives each concurrent request its own container, one instance serves requests concurrently.
 */
final class InProcessFunction implements FunctionRunner {

    private final String functionName;
    private final RequestStreamHandler handler;

    InProcessFunction(String functionName, RequestStreamHandler handler) {
        this.functionName = functionName;
        this.handler = handler;
    }

    /** Creates the handler with the no-argument constructor Lambda uses. */
    static InProcessFunction create(String functionName, String className) throws ReflectiveOperationException {
        Object handler = Class.forName(className).getConstructor().newInstance();
        if (!(handler instanceof RequestStreamHandler streamHandler)) {
            throw new ClassCastException(className + " does not implement RequestStreamHandler");
        }
        return new InProcessFunction(functionName, streamHandler);
    }

    @Override
    public FunctionInvocation invoke(byte[] event, String requestId) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), output, new LambdaContext(requestId, functionName));
            return new FunctionInvocation.Success(output.toByteArray());
        } catch (IOException | RuntimeException | LinkageError e) {
            // Lambda reports the exception's class and message; a LinkageError is the usual sign of a function
            // whose dependencies differ from the sandbox's class path.
            return new FunctionInvocation.Failure(e.getClass().getName(), String.valueOf(e.getMessage()));
        }
    }
}
