package dev.ticketing.sandbox;

import dev.ticketing.local.lambda.Invocation;
import dev.ticketing.local.lambda.LambdaHarness;
import dev.ticketing.local.lambda.LambdaProcess;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * A function run as Lambda runs it, in execution environments of the {@link LambdaHarness}: the first request starts
 * one (a cold start, with its init duration in the log), later requests reuse it while it is warm, as
 * {@code sam local start-api --warm-containers LAZY} does. A request that finds every environment busy starts another
 * one, up to {@link #MAX_ENVIRONMENTS}, then waits for the first to come free: requests are never refused.
 */
final class RuntimeFunction implements FunctionRunner {

    /** Execution environments per function at most; each is a JVM, so the sandbox stays within a laptop's memory. */
    static final int MAX_ENVIRONMENTS = 4;

    private final LambdaHarness harness;
    private final String functionName;
    private final BlockingDeque<LambdaProcess> idle = new LinkedBlockingDeque<>();
    private final List<LambdaProcess> all = new ArrayList<>();

    RuntimeFunction(LambdaHarness harness, String functionName) {
        this.harness = harness;
        this.functionName = functionName;
    }

    @Override
    public FunctionInvocation invoke(byte[] event, String requestId) {
        LambdaProcess environment;
        try {
            environment = acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FunctionInvocation.Failure("Sandbox.Interrupted", "interrupted while waiting for "
                    + functionName);
        } catch (IllegalStateException | UncheckedIOException e) {
            return new FunctionInvocation.Failure("Sandbox.CannotStart", String.valueOf(e.getMessage()));
        }
        boolean reusable = false;
        try {
            Invocation invocation = environment.invoke(event, requestId);
            // Lambda discards an environment whose function timed out or could not init; the next request starts anew.
            reusable = environment.isAlive() && !invocation.timedOut();
            return invocation.error()
                    .<FunctionInvocation>map(error -> new FunctionInvocation.Failure(error.errorType(),
                            error.errorMessage()))
                    .orElseGet(() -> new FunctionInvocation.Success(invocation.payload()));
        } catch (UncheckedIOException | IllegalStateException e) {
            return new FunctionInvocation.Failure("Sandbox.InvocationFailed", String.valueOf(e.getMessage()));
        } finally {
            release(environment, reusable);
        }
    }

    @Override
    public void close() {
        synchronized (all) {
            all.forEach(LambdaProcess::close);
            all.clear();
        }
        idle.clear();
    }

    private LambdaProcess acquire() throws InterruptedException {
        LambdaProcess environment = idle.pollFirst();
        if (environment != null) {
            return environment;
        }
        synchronized (all) {
            if (all.size() < MAX_ENVIRONMENTS) {
                LambdaProcess started = harness.start(functionName);
                all.add(started);
                return started;
            }
        }
        return idle.takeFirst();
    }

    private void release(LambdaProcess environment, boolean reusable) {
        if (reusable) {
            // Most recently used first, so that a quiet sandbox keeps reusing its warmest environment.
            idle.addFirst(environment);
            return;
        }
        environment.close();
        synchronized (all) {
            all.remove(environment);
        }
    }
}
