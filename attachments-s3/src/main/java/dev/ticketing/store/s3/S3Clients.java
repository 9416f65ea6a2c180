package dev.ticketing.store.s3;

import dev.ticketing.config.Config;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds the S3 client and presigner once per container, as DynamoDbClients builds the DynamoDB client: explicit
 * region and credentials provider, the UrlConnection HTTP client. With an endpoint override the engine is a local
 * one (moto), addressed path-style ({@code http://127.0.0.1:8000/bucket/key}: it has no per-bucket host names), and
 * presigned URLs point at it too.
 */
public final class S3Clients {

    private S3Clients() {
    }

    public static S3Client client(Config config) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(config.s3Endpoint().isPresent());
        config.s3Endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Signs URLs locally: no request to S3 until a client uses one. */
    public static S3Presigner presigner(Config config) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(config.s3Endpoint().isPresent()).build());
        config.s3Endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** A client of a local engine, for tests and the sandbox, which create buckets with it. */
    public static S3Client local(URI endpoint) {
        return S3Client.builder()
                .region(Region.of(Config.LOCAL_REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(true)
                .endpointOverride(endpoint)
                .build();
    }

    /**
     * In Lambda, the runtime's environment variables, or, under SnapStart, its local credentials endpoint (the
     * variables would be stale in a restored snapshot); a local engine accepts any credentials.
     */
    static AwsCredentialsProvider credentials(Config config) {
        if (config.s3Endpoint().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        if (config.containerCredentials()) {
            return ContainerCredentialsProvider.builder().build();
        }
        return EnvironmentVariableCredentialsProvider.create();
    }
}
