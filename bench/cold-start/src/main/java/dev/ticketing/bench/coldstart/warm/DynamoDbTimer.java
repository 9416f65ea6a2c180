package dev.ticketing.bench.coldstart.warm;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Adds up the time spent inside DynamoDB calls (marshalling, signing, HTTP, unmarshalling), from the SDK's first
 * hook to its last. Registered globally through the SDK's execution.interceptors resource, so the function's own
 * no-argument constructor and client are measured unchanged. Single-threaded use only.
 */
public final class DynamoDbTimer implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("benchStartedNanos");
    private static long nanos;
    private static int calls;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        stop(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        stop(attributes);
    }

    private static void stop(ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        if (started != null) {
            nanos += System.nanoTime() - started;
            calls++;
        }
    }

    static void reset() {
        nanos = 0;
        calls = 0;
    }

    static long nanos() {
        return nanos;
    }

    static int calls() {
        return calls;
    }
}
