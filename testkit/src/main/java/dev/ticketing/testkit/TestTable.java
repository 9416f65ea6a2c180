package dev.ticketing.testkit;

import dev.ticketing.local.dynamodb.DynamoDbCallCounter;
import dev.ticketing.local.dynamodb.LocalDynamoDb;
import java.net.URI;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A table created from {@code template.yaml} for one test class, injected by {@link DynamoDbEngine}. The client
 * belongs to the extension, which closes it and deletes the table after the class.
 */
public record TestTable(URI endpoint, DynamoDbClient client, String tableName) {

    /** Another client for the same engine, e.g. with a {@link DynamoDbCallCounter}; the caller closes it. */
    public DynamoDbClient newClient(ExecutionInterceptor... interceptors) {
        return LocalDynamoDb.newClient(endpoint, interceptors);
    }
}
