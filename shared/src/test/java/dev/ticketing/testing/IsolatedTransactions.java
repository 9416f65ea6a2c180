package dev.ticketing.testing;

import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Gives the test engine DynamoDB's transaction isolation. moto runs TransactWriteItems without a lock, and a
 * failed one restores a snapshot of the whole table taken when it started, erasing every write made meanwhile:
 * other transactions' and single-item ones alike (a ticket counter's increment, then handed out twice). DynamoDB
 * serialises transactions with every write. Holding one lock per engine write call restores that guarantee, while
 * reads and the application's own read-change-write races stay fully concurrent.
 */
public final class IsolatedTransactions implements ExecutionInterceptor {

    private static final ReentrantLock ENGINE = new ReentrantLock();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof TransactWriteItemsRequest || request instanceof PutItemRequest
                || request instanceof UpdateItemRequest || request instanceof DeleteItemRequest
                || request instanceof BatchWriteItemRequest) {
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
