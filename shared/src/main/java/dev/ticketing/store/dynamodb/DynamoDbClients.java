package dev.ticketing.store.dynamodb;

import dev.ticketing.config.Config;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the DynamoDB client once per container: explicit region and credentials provider (no default
 * chain look-ups at cold start) and the light UrlConnection HTTP client.
 */
public final class DynamoDbClients {

    private DynamoDbClients() {
    }

    /**
     * In Lambda, credentials come from the runtime's environment variables, or, for SnapStart functions, from
     * the runtime's local credentials endpoint (the variables would be stale in a restored snapshot). Either way
     * one provider is chosen up front, with no default-chain search. With an endpoint override the engine is a
     * local one (moto, LocalStack), which accepts any credentials.
     */
    public static DynamoDbClient create(Config config) {
        return create(config, credentials(config));
    }

    static AwsCredentialsProvider credentials(Config config) {
        if (config.dynamoDbEndpoint().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        if (config.containerCredentials()) {
            return ContainerCredentialsProvider.builder().build();
        }
        return EnvironmentVariableCredentialsProvider.create();
    }

    public static DynamoDbClient create(Config config, AwsCredentialsProvider credentials) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        config.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
