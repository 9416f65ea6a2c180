package dev.ticketing.config;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The deployment settings, read from environment variables; the only class that reads them. */
public record Config(String tableName, String region, Optional<URI> dynamoDbEndpoint, String tokenSecret,
                     boolean containerCredentials) {

    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String REGION = "AWS_REGION";
    public static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";
    public static final String TOKEN_SECRET = "CONTINUATION_TOKEN_SECRET";
    /** Set by Lambda when credentials come from its local endpoint (SnapStart) instead of AWS_ACCESS_KEY_ID. */
    public static final String CONTAINER_CREDENTIALS_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";

    /**
     * Environment variables, overridden by JVM system properties of the same name: the sandbox runs every
     * function in one JVM and configures them through system properties.
     */
    public static Config fromEnvironment() {
        Map<String, String> settings = new HashMap<>(System.getenv());
        for (String name : new String[] {TABLE_NAME, REGION, DYNAMODB_ENDPOINT, TOKEN_SECRET}) {
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
        Optional<URI> endpoint = Optional.ofNullable(env.get(DYNAMODB_ENDPOINT))
                .filter(s -> !s.isBlank())
                .map(URI::create);
        // The continuation-token key is per deployment; without one, tokens are still bound to the
        // instance and the query, but anyone who reads the source could forge their integrity tag.
        String secret = env.getOrDefault(TOKEN_SECRET, "");
        boolean containerCredentials = !env.getOrDefault(CONTAINER_CREDENTIALS_URI, "").isBlank();
        return new Config(table, region, endpoint, secret.isBlank() ? "unset-" + table : secret,
                containerCredentials);
    }
}
