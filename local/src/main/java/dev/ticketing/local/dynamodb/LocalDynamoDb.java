package dev.ticketing.local.dynamodb;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB engine for local use, with a client for it: the endpoint in {@code DYNAMODB_ENDPOINT} if set, else a
 * {@link MotoServer} it starts. The testkit's JUnit extension adds LocalStack, when Docker is there, through
 * {@link #running}.
 */
public final class LocalDynamoDb implements AutoCloseable {

    public static final Region REGION = Region.US_EAST_1;

    // Local engines accept any credentials; fixed ones keep the SDK from searching the machine for real ones.
    private static final StaticCredentialsProvider DUMMY_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private final URI endpoint;
    private final String engine;
    private final Runnable stopEngine;
    private final DynamoDbClient client;

    private LocalDynamoDb(URI endpoint, String engine, Runnable stopEngine) {
        this.endpoint = endpoint;
        this.engine = engine;
        this.stopEngine = stopEngine;
        this.client = newClient(endpoint);
    }

    /** {@code DYNAMODB_ENDPOINT} if set, else moto on a free port. */
    public static LocalDynamoDb start() {
        return start(0);
    }

    /** {@code DYNAMODB_ENDPOINT} if set, else moto on {@code motoPort} (0 for a free port). */
    public static LocalDynamoDb start(int motoPort) {
        return configured().orElseGet(() -> moto(motoPort));
    }

    /** The engine {@code DYNAMODB_ENDPOINT} names, when it is set; nothing is started. */
    public static Optional<LocalDynamoDb> configured() {
        return Settings.dynamoDbEndpoint()
                .map(endpoint -> running(URI.create(endpoint), Settings.DYNAMODB_ENDPOINT, () -> { }));
    }

    /** Starts moto on {@code port} (0 for a free port); fails saying what to install or set when it cannot. */
    public static LocalDynamoDb moto(int port) {
        MotoServer server;
        try {
            server = MotoServer.start(port);
        } catch (RuntimeException e) {
            throw new IllegalStateException("No DynamoDB engine available. " + e.getMessage() + " Alternatively set "
                    + Settings.DYNAMODB_ENDPOINT + " to a running DynamoDB-compatible endpoint.", e);
        }
        return running(server.endpoint(), "moto", server::close);
    }

    /**
     * An engine started elsewhere, at {@code endpoint}; {@link #close()} closes the client, then runs {@code stop}.
     *
     * @param engine which engine it is, for logs
     */
    public static LocalDynamoDb running(URI endpoint, String engine, Runnable stop) {
        return new LocalDynamoDb(endpoint, engine, stop);
    }

    /** A client for {@code endpoint} with explicit region, dummy credentials and the UrlConnection HTTP client. */
    public static DynamoDbClient newClient(URI endpoint, ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(DUMMY_CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(config -> List.of(interceptors).forEach(config::addExecutionInterceptor))
                .build();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Which engine answers, for logs: "moto", "LocalStack" or "DYNAMODB_ENDPOINT". */
    public String engine() {
        return engine;
    }

    /** A client shared by whoever uses this engine; closed with it. */
    public DynamoDbClient client() {
        return client;
    }

    /** Another client for this engine, e.g. with a {@link DynamoDbCallCounter}; the caller closes it. */
    public DynamoDbClient newClient(ExecutionInterceptor... interceptors) {
        return newClient(endpoint, interceptors);
    }

    /** Creates {@code tableName} as {@code template.yaml} defines the ticket table. */
    public void createTable(String tableName) {
        TemplateTable.create(client, tableName);
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            stopEngine.run();
        }
    }

    @Override
    public String toString() {
        return engine + " at " + endpoint;
    }
}
