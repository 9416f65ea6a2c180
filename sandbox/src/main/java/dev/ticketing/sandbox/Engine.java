package dev.ticketing.sandbox;

import dev.ticketing.local.dynamodb.LocalDynamoDb;
import dev.ticketing.local.dynamodb.MotoServer;
import dev.ticketing.local.dynamodb.TemplateTable;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The DynamoDB engine behind the sandbox: one it was given, or a moto server it started and stops. */
final class Engine implements AutoCloseable {

    private final URI endpoint;
    private final DynamoDbClient client;
    private final MotoServer moto;

    private Engine(URI endpoint, MotoServer moto) {
        this.endpoint = endpoint;
        this.moto = moto;
        this.client = LocalDynamoDb.newClient(endpoint);
    }

    static Engine start(Options options) {
        if (options.dynamoDbEndpoint().isPresent()) {
            return new Engine(options.dynamoDbEndpoint().get(), null);
        }
        MotoServer moto = MotoServer.start(options.motoPort());
        return new Engine(moto.endpoint(), moto);
    }

    URI endpoint() {
        return endpoint;
    }

    boolean startedMoto() {
        return moto != null;
    }

    /** Creates the table from the template unless it exists; true when it was created. */
    boolean ensureTable(String tableName, TemplateTable template) {
        try {
            client.describeTable(request -> request.tableName(tableName));
            return false;
        } catch (ResourceNotFoundException absent) {
            template.createIn(client, tableName);
            return true;
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (moto != null) {
                moto.close();
            }
        }
    }
}
