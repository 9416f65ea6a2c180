package dev.ticketing.sandbox;

import dev.ticketing.local.dynamodb.LocalDynamoDb;
import dev.ticketing.local.dynamodb.MotoServer;
import dev.ticketing.local.dynamodb.TemplateTable;
import dev.ticketing.store.s3.S3Clients;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * The DynamoDB engine behind the sandbox: one it was given, or a moto server it started and stops. moto serves S3 on
 * the same port, so the attachments bucket lives there too.
 */
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

    /**
     * Creates the attachments bucket unless it exists; false (logged) when the engine serves no S3, as an engine
     * given by DYNAMODB_ENDPOINT may not: the attachment routes then fail, the others work.
     */
    boolean ensureBucket(String bucket) {
        try (S3Client s3 = S3Clients.local(endpoint)) {
            s3.createBucket(request -> request.bucket(bucket));
            return true;
        } catch (BucketAlreadyOwnedByYouException exists) {
            return true;
        } catch (SdkException e) {
            SandboxLog.error("no attachments bucket: the engine serves no S3", e, "endpoint", endpoint.toString());
            return false;
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
