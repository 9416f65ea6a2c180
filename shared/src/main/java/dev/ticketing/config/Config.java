package dev.ticketing.config;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment settings, read from environment variables; the only class that reads them.
 *
 * <p>The continuation-token secret comes from one of two places, never both and never a default: in AWS, the SSM
 * SecureString named by {@value #TOKEN_SECRET_PARAMETER} (template.yaml sets it); for local runs only (tests, the
 * sandbox, benchmarks), the value of {@value #TOKEN_SECRET}, honoured only when no parameter name is set.
 *
 * @param tokenSecretParameter name of the SSM parameter that holds the continuation-token secret
 * @param localTokenSecret     the secret itself, for local runs without Parameter Store
 * @param ssmEndpoint          a local SSM engine (moto) instead of AWS's; empty in AWS
 * @param attachmentsBucket    the S3 bucket of attachment files; only the attachment functions have one
 * @param s3Endpoint           a local S3 engine (moto) instead of AWS's; empty in AWS
 * @param webhooks             the webhook queues and delivery settings (docs/events.md)
 */
public record Config(String tableName, String region, Optional<URI> dynamoDbEndpoint,
                     Optional<String> tokenSecretParameter, Optional<String> localTokenSecret,
                     Optional<URI> ssmEndpoint, boolean containerCredentials, Optional<String> attachmentsBucket,
                     Optional<URI> s3Endpoint, Webhooks webhooks) {

    /**
     * Webhook delivery settings.
     *
     * @param queueUrl       the SQS FIFO queue of deliveries; only the functions that queue or deliver have it
     * @param deadLetterUrl  where deliveries go when every attempt failed
     * @param sqsEndpoint    a local SQS engine (moto) instead of AWS's; empty in AWS
     * @param allowLocalUrls the sandbox's flag: webhooks may use http and reach local and private addresses. Never
     *                       set in AWS (template.yaml sets it to false), where only https to public addresses goes
     * @param retrySchedule  ISO-8601 durations between attempts, comma-separated; empty for the production schedule
     */
    public record Webhooks(Optional<String> queueUrl, Optional<String> deadLetterUrl, Optional<URI> sqsEndpoint,
                           boolean allowLocalUrls, Optional<String> retrySchedule) {
    }

    public static final String WEBHOOK_QUEUE_URL = "WEBHOOK_QUEUE_URL";
    public static final String WEBHOOK_DLQ_URL = "WEBHOOK_DLQ_URL";
    public static final String SQS_ENDPOINT = "SQS_ENDPOINT";
    public static final String WEBHOOK_ALLOW_LOCAL_URLS = "WEBHOOK_ALLOW_LOCAL_URLS";
    public static final String WEBHOOK_RETRY_SCHEDULE = "WEBHOOK_RETRY_SCHEDULE";

    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String REGION = "AWS_REGION";
    public static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";
    public static final String TOKEN_SECRET_PARAMETER = "CONTINUATION_TOKEN_SECRET_PARAMETER";
    /** Local runs only: the secret in clear, in the environment. Refused when a parameter name is also set. */
    public static final String TOKEN_SECRET = "CONTINUATION_TOKEN_SECRET";
    public static final String SSM_ENDPOINT = "SSM_ENDPOINT";
    public static final String ATTACHMENTS_BUCKET = "ATTACHMENTS_BUCKET";
    public static final String S3_ENDPOINT = "S3_ENDPOINT";
    /** Set by Lambda when credentials come from its local endpoint (SnapStart) instead of AWS_ACCESS_KEY_ID. */
    public static final String CONTAINER_CREDENTIALS_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";

    /** Powertools reads these two itself (template.yaml sets them in Globals); see {@link #metricsNamespace()}. */
    public static final String METRICS_NAMESPACE = "POWERTOOLS_METRICS_NAMESPACE";
    public static final String SERVICE_NAME = "POWERTOOLS_SERVICE_NAME";
    public static final String DEFAULT_METRICS_NAMESPACE = "Ticketing";
    public static final String DEFAULT_SERVICE_NAME = "ticketing";

    /** The region of local engines' tables (the local module's LocalDynamoDb uses the same). */
    public static final String LOCAL_REGION = "us-east-1";

    private static final String[] OVERRIDABLE = {
        TABLE_NAME, REGION, DYNAMODB_ENDPOINT, TOKEN_SECRET_PARAMETER, TOKEN_SECRET, SSM_ENDPOINT, ATTACHMENTS_BUCKET,
        S3_ENDPOINT, WEBHOOK_QUEUE_URL, WEBHOOK_DLQ_URL, SQS_ENDPOINT, WEBHOOK_ALLOW_LOCAL_URLS,
        WEBHOOK_RETRY_SCHEDULE};

    /**
     * Environment variables, overridden by JVM system properties of the same name: the sandbox runs every
     * function in one JVM and configures them through system properties.
     */
    public static Config fromEnvironment() {
        Map<String, String> settings = new HashMap<>(System.getenv());
        for (String name : OVERRIDABLE) {
            String value = System.getProperty(name);
            if (value != null) {
                settings.put(name, value);
            }
        }
        return from(settings);
    }

    public static Config from(Map<String, String> env) {
        String table = env.get(TABLE_NAME);
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("Environment variable " + TABLE_NAME + " is not set");
        }
        String region = env.getOrDefault(REGION, "us-east-1");
        Optional<String> parameter = nonBlank(env, TOKEN_SECRET_PARAMETER);
        Optional<String> localSecret = nonBlank(env, TOKEN_SECRET);
        // Two sources would leave it unclear which secret signs tokens; a deployment must not carry a clear-text one.
        if (parameter.isPresent() && localSecret.isPresent()) {
            throw new IllegalStateException("Both " + TOKEN_SECRET_PARAMETER + " and " + TOKEN_SECRET
                    + " are set: set only the parameter name (AWS) or only the local secret (local runs)");
        }
        boolean containerCredentials = nonBlank(env, CONTAINER_CREDENTIALS_URI).isPresent();
        return new Config(table, region, nonBlank(env, DYNAMODB_ENDPOINT).map(URI::create), parameter, localSecret,
                nonBlank(env, SSM_ENDPOINT).map(URI::create), containerCredentials, nonBlank(env, ATTACHMENTS_BUCKET),
                nonBlank(env, S3_ENDPOINT).map(URI::create), new Webhooks(nonBlank(env, WEBHOOK_QUEUE_URL),
                nonBlank(env, WEBHOOK_DLQ_URL), nonBlank(env, SQS_ENDPOINT).map(URI::create),
                nonBlank(env, WEBHOOK_ALLOW_LOCAL_URLS).filter("true"::equalsIgnoreCase).isPresent(),
                nonBlank(env, WEBHOOK_RETRY_SCHEDULE)));
    }

    /**
     * What a function's environment holds on a local engine (tests, the sandbox, benchmarks) in place of the
     * template's AWS-only values: the table and the engine, the token secret given directly (no parameter name, so
     * no Parameter Store: the local path above), and a region and credentials, which local engines accept whatever
     * they are. The region is the one local tables are created in.
     */
    public static Map<String, String> localFunctionEnvironment(URI dynamoDbEndpoint, String tableName,
                                                               String tokenSecret) {
        return Map.of(TABLE_NAME, tableName,
                DYNAMODB_ENDPOINT, dynamoDbEndpoint.toString(),
                TOKEN_SECRET_PARAMETER, "",
                TOKEN_SECRET, tokenSecret,
                REGION, LOCAL_REGION,
                "AWS_DEFAULT_REGION", LOCAL_REGION,
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local");
    }

    /**
     * The CloudWatch namespace of the functions' metrics: {@value #METRICS_NAMESPACE}, or
     * {@value #DEFAULT_METRICS_NAMESPACE} where it is unset (tests and the in-process sandbox).
     */
    public static String metricsNamespace() {
        return nonBlank(System.getenv(), METRICS_NAMESPACE).orElse(DEFAULT_METRICS_NAMESPACE);
    }

    /** The {@code Service} of logs and metrics: {@value #SERVICE_NAME}, or {@value #DEFAULT_SERVICE_NAME}. */
    public static String serviceName() {
        return nonBlank(System.getenv(), SERVICE_NAME).orElse(DEFAULT_SERVICE_NAME);
    }

    /**
     * As {@link #localFunctionEnvironment(URI, String, String)}, plus the attachments bucket, on the same local
     * engine: moto serves S3 on the port it serves DynamoDB on.
     */
    public static Map<String, String> localFunctionEnvironment(URI endpoint, String tableName, String tokenSecret,
                                                               String attachmentsBucket) {
        Map<String, String> environment = new HashMap<>(localFunctionEnvironment(endpoint, tableName, tokenSecret));
        environment.put(ATTACHMENTS_BUCKET, attachmentsBucket);
        environment.put(S3_ENDPOINT, endpoint.toString());
        return Map.copyOf(environment);
    }

    private static Optional<String> nonBlank(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }

    /** Never prints the local secret. */
    @Override
    public String toString() {
        return "Config[tableName=" + tableName + ", region=" + region + ", dynamoDbEndpoint="
                + dynamoDbEndpoint.orElse(null) + ", tokenSecretParameter=" + tokenSecretParameter.orElse(null)
                + ", localTokenSecret=" + (localTokenSecret.isPresent() ? "(set)" : "(unset)") + ", ssmEndpoint="
                + ssmEndpoint.orElse(null) + ", containerCredentials=" + containerCredentials + ", attachmentsBucket="
                + attachmentsBucket.orElse(null) + ", s3Endpoint=" + s3Endpoint.orElse(null) + ", webhooks=" + webhooks
                + "]";
    }
}
