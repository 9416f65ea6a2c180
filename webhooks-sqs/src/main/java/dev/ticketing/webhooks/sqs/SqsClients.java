package dev.ticketing.webhooks.sqs;

import dev.ticketing.config.Config;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** Builds the SQS client once per container, as DynamoDbClients builds DynamoDB's (explicit region, credentials). */
public final class SqsClients {

    private SqsClients() {
    }

    public static SqsClient client(Config config) {
        SqsClientBuilder builder = SqsClient.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .httpClient(UrlConnectionHttpClient.create());
        config.webhooks().sqsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** A client of a local engine (moto serves SQS on its DynamoDB port), for tests and the sandbox. */
    public static SqsClient local(URI endpoint) {
        return SqsClient.builder()
                .region(Region.of(Config.LOCAL_REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .build();
    }

    private static AwsCredentialsProvider credentials(Config config) {
        if (config.webhooks().sqsEndpoint().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        if (config.containerCredentials()) {
            return ContainerCredentialsProvider.builder().build();
        }
        return EnvironmentVariableCredentialsProvider.create();
    }
}
