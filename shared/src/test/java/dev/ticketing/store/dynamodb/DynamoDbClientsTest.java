package dev.ticketing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.config.Config;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class DynamoDbClientsTest {

    @Test
    void lambdaWithoutSnapStart_usesTheEnvironmentVariableCredentials() {
        Config config = Config.from(Map.of(Config.TABLE_NAME, "tickets"));

        assertThat(DynamoDbClients.credentials(config)).isInstanceOf(EnvironmentVariableCredentialsProvider.class);
    }

    @Test
    void snapStartFunction_usesTheRuntimesCredentialsEndpoint() {
        Config config = Config.from(Map.of(Config.TABLE_NAME, "tickets",
                Config.CONTAINER_CREDENTIALS_URI, "http://127.0.0.1:9001/2021-04-23/credentials"));

        assertThat(DynamoDbClients.credentials(config)).isInstanceOf(ContainerCredentialsProvider.class);
    }

    @Test
    void localEngine_usesFixedCredentials_whateverTheEnvironmentSays() {
        Config config = Config.from(Map.of(Config.TABLE_NAME, "tickets",
                Config.DYNAMODB_ENDPOINT, "http://127.0.0.1:8000",
                Config.CONTAINER_CREDENTIALS_URI, "http://127.0.0.1:9001/2021-04-23/credentials"));

        assertThat(DynamoDbClients.credentials(config)).isInstanceOf(StaticCredentialsProvider.class);
    }
}
