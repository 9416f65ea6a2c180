package dev.ticketing.sandbox;

/**
 * Runs one function of the template: the event's JSON in, the function's JSON answer (or its error) out, exactly the
 * bytes that pass between Lambda and API Gateway. In this JVM ({@link InProcessFunction}) or in Lambda's own runtime
 * client ({@link RuntimeFunction}).
 */
public interface FunctionRunner extends AutoCloseable {

    FunctionInvocation invoke(byte[] event, String requestId);

    @Override
    default void close() {
    }
}
