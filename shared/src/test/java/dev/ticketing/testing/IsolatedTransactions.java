package dev.ticketing.testing;

import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Gives the test engine DynamoDB's transaction isolation. moto runs TransactWriteItems without a lock, and a
 * failed one restores a snapshot of the whole table taken when it started, erasing writes other transactions
 * committed meanwhile; DynamoDB serialises transactions. Holding one lock per engine call restores that
 * guarantee, while reads and the application's own read-change-write races stay fully concurrent.
 */
public final class IsolatedTransactions implements ExecutionInterceptor {

    private static final ReentrantLock ENGINE = new ReentrantLock();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (context.request() instanceof TransactWriteItemsRequest) {
            ENGINE.lock();
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        release();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        release();
    }

    private static void release() {
        while (ENGINE.isHeldByCurrentThread()) {
            ENGINE.unlock();
        }
    }
}
