package dev.ticketing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.Dependencies;
import dev.ticketing.local.dynamodb.MotoServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The continuation-token secret read from Parameter Store (moto's), as a function's initialisation reads it. */
class SsmTokenSecretsIT {

    private static MotoServer moto;
    private static SsmClient ssm;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start();
        ssm = SsmTokenSecrets.client(config(Map.of()));
    }

    @AfterAll
    static void stopMoto() {
        if (ssm != null) {
            ssm.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void load_readsTheSecureString_asAFunctionInitialises() {
        String name = parameter("s3cret-current-0123456789abcdefghij");

        Dependencies dependencies = Dependencies.load(config(Map.of(Config.TOKEN_SECRET_PARAMETER, name)));
        SsmTokenSecrets secrets = SsmTokenSecrets.load(name, ssm, SsmTokenSecrets.MAX_AGE);

        assertThat(dependencies.config().tokenSecretParameter()).contains(name);
        assertThat(secrets.get()).isEqualTo(TokenSecrets.of("s3cret-current-0123456789abcdefghij"));
    }

    @Test
    void load_failsWithAClearMessage_whenTheParameterDoesNotExist() {
        String name = "/ticketing/missing-" + UUID.randomUUID() + "/continuation-token-secret";

        assertThatThrownBy(() -> Dependencies.load(config(Map.of(Config.TOKEN_SECRET_PARAMETER, name))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The continuation-token secret parameter " + name)
                .hasMessageContaining("does not exist")
                .hasMessageContaining(Config.TOKEN_SECRET_PARAMETER);
    }

    @Test
    void load_failsWithAClearMessage_whenNoSecretIsConfiguredAtAll() {
        assertThatThrownBy(() -> Dependencies.load(config(Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No continuation-token secret")
                .hasMessageContaining(Config.TOKEN_SECRET_PARAMETER);
    }

    @Test
    void get_acceptsThePreviousSecret_whileAVersionIsLabelledPrevious() {
        String name = parameter("secret-one-0123456789abcdefghijklmn");
        SsmTokenSecrets secrets = SsmTokenSecrets.load(name, ssm, Duration.ZERO);

        // The rotation procedure of docs/operations.md: label the current version, then put the new secret.
        ssm.labelParameterVersion(r -> r.name(name).parameterVersion(1L).labels(SsmTokenSecrets.PREVIOUS_LABEL));
        put(name, "secret-two-0123456789abcdefghijklmn", true);
        TokenSecrets duringRotation = secrets.get();

        ssm.unlabelParameterVersion(r -> r.name(name).parameterVersion(1L).labels(SsmTokenSecrets.PREVIOUS_LABEL));
        TokenSecrets afterWindow = secrets.get();

        assertThat(duringRotation).isEqualTo(new TokenSecrets("secret-two-0123456789abcdefghijklmn",
                Optional.of("secret-one-0123456789abcdefghijklmn")));
        assertThat(afterWindow).isEqualTo(TokenSecrets.of("secret-two-0123456789abcdefghijklmn"));
    }

    @Test
    void get_servesCachedSecrets_withoutCallingParameterStore_withinTheMaximumAge() {
        String name = parameter("cached-secret-0123456789abcdefghijk");
        AtomicInteger getParameterCalls = new AtomicInteger();
        try (SsmClient counted = SsmClient.builder()
                .region(ssm.serviceClientConfiguration().region())
                .endpointOverride(moto.endpoint())
                .credentialsProvider(ssm.serviceClientConfiguration().credentialsProvider())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof GetParameterRequest) {
                            getParameterCalls.incrementAndGet();
                        }
                    }
                }))
                .build()) {
            SsmTokenSecrets secrets = SsmTokenSecrets.load(name, counted, SsmTokenSecrets.MAX_AGE);
            int callsAtInit = getParameterCalls.get();
            put(name, "rotated-secret-0123456789abcdefghij", true);

            TokenSecrets served = secrets.get();
            secrets.get();

            // Current and the (absent) previous version, once each.
            assertThat(callsAtInit).isEqualTo(2);
            assertThat(getParameterCalls).hasValue(callsAtInit);
            assertThat(served).isEqualTo(TokenSecrets.of("cached-secret-0123456789abcdefghijk"));
        }
    }

    private static String parameter(String value) {
        String name = "/ticketing/test-" + UUID.randomUUID() + "/continuation-token-secret";
        put(name, value, false);
        return name;
    }

    private static void put(String name, String value, boolean overwrite) {
        ssm.putParameter(r -> r.name(name).value(value).type(ParameterType.SECURE_STRING).overwrite(overwrite));
    }

    private static Config config(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.put(Config.TABLE_NAME, "ssm-token-secrets-it");
        env.put(Config.REGION, "us-east-1");
        env.put(Config.DYNAMODB_ENDPOINT, moto.endpoint().toString());
        env.put(Config.SSM_ENDPOINT, moto.endpoint().toString());
        return Config.from(env);
    }
}
