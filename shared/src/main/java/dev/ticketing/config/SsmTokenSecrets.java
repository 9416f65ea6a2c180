package dev.ticketing.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;
import software.amazon.lambda.powertools.logging.argument.StructuredArguments;
import software.amazon.lambda.powertools.parameters.ssm.SSMProvider;

/**
 * The continuation-token secrets from an SSM SecureString, read through Powertools' parameters provider and
 * cached for {@link #MAX_AGE}. The parameter's latest version is the current secret; the version labelled
 * {@value #PREVIOUS_LABEL}, when there is one, is the previous secret, still accepted (docs/operations.md,
 * "Rotating the continuation-token secret").
 */
public final class SsmTokenSecrets implements Supplier<TokenSecrets> {

    private static final Logger LOG = LoggerFactory.getLogger(SsmTokenSecrets.class);

    public static final String PREVIOUS_LABEL = "previous";
    /** How long a container keeps the secrets it read: the lag between a rotation and every container using it. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final SSMProvider provider;
    private final String parameterName;
    private final Duration maxAge;
    private TokenSecrets secrets;
    private long refreshAfterNanos;

    private SsmTokenSecrets(SSMProvider provider, String parameterName, Duration maxAge) {
        this.provider = provider;
        this.parameterName = parameterName;
        this.maxAge = maxAge;
    }

    /**
     * Reads the secrets now, so that a function that cannot read them fails its initialisation rather than its
     * first listing.
     *
     * @throws IllegalStateException naming the parameter and the likely cause when it cannot be read
     */
    public static SsmTokenSecrets load(String parameterName, SsmClient client, Duration maxAge) {
        SsmTokenSecrets source = new SsmTokenSecrets(SSMProvider.builder().withClient(client).build(),
                parameterName, maxAge);
        try {
            source.refresh();
        } catch (ParameterNotFoundException e) {
            throw new IllegalStateException("The continuation-token secret parameter " + parameterName
                    + " (" + Config.TOKEN_SECRET_PARAMETER + ") does not exist: create it as a SecureString"
                    + " (docs/operations.md, \"Rotating the continuation-token secret\")", e);
        } catch (RuntimeException e) {
            // The SDK's message is kept out (it may carry request details); the type and the cause chain say enough.
            throw new IllegalStateException("Cannot read the continuation-token secret parameter " + parameterName
                    + " (" + Config.TOKEN_SECRET_PARAMETER + "): " + e.getClass().getSimpleName()
                    + "; check the function's ssm:GetParameter and kms:Decrypt permissions", e);
        }
        return source;
    }

    /** An SSM client like the DynamoDB one: explicit region, credentials provider and UrlConnection HTTP client. */
    public static SsmClient client(Config config) {
        SsmClientBuilder builder = SsmClient.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .httpClient(UrlConnectionHttpClient.create());
        config.ssmEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(Config config) {
        if (config.ssmEndpoint().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        if (config.containerCredentials()) {
            return ContainerCredentialsProvider.builder().build();
        }
        return EnvironmentVariableCredentialsProvider.create();
    }

    /**
     * The secrets last read, read again once {@code maxAge} has passed. A failed re-read keeps the last secrets
     * (Parameter Store being briefly unreachable must not fail listings) and is retried after another
     * {@code maxAge}.
     */
    @Override
    public synchronized TokenSecrets get() {
        if (System.nanoTime() - refreshAfterNanos >= 0) {
            try {
                refresh();
            } catch (RuntimeException e) {
                refreshAfterNanos = System.nanoTime() + maxAge.toNanos();
                // Parameter Store's messages name the parameter and the missing permission, never the secret.
                LOG.error("Cannot re-read the continuation-token secret; keeping the last one read",
                        StructuredArguments.entry("parameter", parameterName),
                        StructuredArguments.entry("error_type", e.getClass().getName()),
                        StructuredArguments.entry("error_message", e.getMessage()));
            }
        }
        return secrets;
    }

    private void refresh() {
        String current = read(parameterName);
        Optional<String> previous;
        try {
            previous = Optional.of(read(parameterName + ":" + PREVIOUS_LABEL));
        } catch (ParameterNotFoundException | ParameterVersionNotFoundException noPreviousVersion) {
            previous = Optional.empty();
        }
        secrets = new TokenSecrets(current, previous);
        refreshAfterNanos = System.nanoTime() + maxAge.toNanos();
    }

    private String read(String selector) {
        String value = provider.withDecryption().withMaxAge((int) maxAge.toSeconds(), ChronoUnit.SECONDS)
                .get(selector);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("The continuation-token secret parameter " + selector + " is empty");
        }
        return value;
    }
}
