package dev.ticketing.testkit;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB engine for local use, with a client for it: the endpoint in {@code DYNAMODB_ENDPOINT} if set, else a
 * {@link MotoServer} it starts (the JUnit extension {@link DynamoDbEngine} prefers LocalStack when Docker is there).
 */
public final class LocalDynamoDb implements AutoCloseable {

    public static final Region REGION = Region.US_EAST_1;
    static final DockerImageName LOCALSTACK_IMAGE = DockerImageName.parse("localstack/localstack:3");

    private static final System.Logger LOG = System.getLogger(LocalDynamoDb.class.getName());
    // Local engines accept any credentials; fixed ones keep the SDK from searching the machine for real ones.
    private static final StaticCredentialsProvider DUMMY_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testkit", "testkit"));

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
        return Settings.dynamoDbEndpoint().map(LocalDynamoDb::external).orElseGet(() -> moto(motoPort, List.of()));
    }

    /** As {@link #start()}, but LocalStack comes before moto when Docker is available. */
    static LocalDynamoDb startPreferringDocker() {
        if (Settings.dynamoDbEndpoint().isPresent()) {
            return external(Settings.dynamoDbEndpoint().get());
        }
        List<Exception> tried = new ArrayList<>();
        if (dockerAvailable()) {
            try {
                return localStack();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "LocalStack did not start, falling back to moto", e);
                tried.add(e);
            }
        }
        return moto(0, tried);
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

    private static LocalDynamoDb external(String endpoint) {
        return new LocalDynamoDb(URI.create(endpoint), Settings.DYNAMODB_ENDPOINT, () -> { });
    }

    private static LocalDynamoDb moto(int port, List<Exception> alreadyTried) {
        MotoServer server;
        try {
            server = MotoServer.start(port);
        } catch (RuntimeException e) {
            IllegalStateException failure = new IllegalStateException("No DynamoDB engine available. "
                    + e.getMessage() + " Alternatively set " + Settings.DYNAMODB_ENDPOINT
                    + " to a running DynamoDB-compatible endpoint.", e);
            alreadyTried.forEach(failure::addSuppressed);
            throw failure;
        }
        return new LocalDynamoDb(server.endpoint(), "moto", server::close);
    }

    private static LocalDynamoDb localStack() {
        LocalStackContainer container = new LocalStackContainer(LOCALSTACK_IMAGE)
                .withServices(LocalStackContainer.Service.DYNAMODB);
        try {
            container.start();
            return new LocalDynamoDb(Objects.requireNonNull(container.getEndpoint()), "LocalStack", container::stop);
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            // Treat a broken Docker set-up like no Docker at all: moto still works.
            return false;
        }
    }
}
