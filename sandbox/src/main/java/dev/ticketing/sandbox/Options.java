package dev.ticketing.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How to start a {@link Sandbox}.
 *
 * @param port             HTTP port on 127.0.0.1; 0 picks a free one
 * @param dynamoDbEndpoint a running engine to use; empty starts moto on {@code motoPort}
 * @param demoPrimaryKey   the demo instance's primary key; empty generates one
 * @param template         template.yaml; empty finds it as the tests do (-Dticketing.template, else upwards)
 * @param authorizerTtl    replaces the template's {@code ReauthorizeEvery}
 * @param clock            what the authorizer cache, the usage-plan buckets and the events' request times read
 * @param throttling       whether the template's usage plan is enforced (off only for load and fuzz runs)
 * @param runtime          how functions run: under Lambda's runtime client, or called in this JVM
 * @param automationEvery  how often the scheduled automation runs in the background; empty: only on request
 */
public record Options(int port, Optional<URI> dynamoDbEndpoint, int motoPort, String tableName,
                      Optional<String> demoPrimaryKey, Optional<Path> template, Optional<Duration> authorizerTtl,
                      Clock clock, boolean throttling, FunctionRuntime runtime,
                      Optional<Duration> automationEvery) {

    /** How the sandbox runs the template's functions ({@code SANDBOX_RUNTIME}). */
    public enum FunctionRuntime {
        /** Each function from its deployment jar under Lambda's runtime interface client (the default). */
        LAMBDA,
        /** Every handler in the sandbox's JVM: starts faster, proves less. */
        IN_PROCESS
    }

    public static final int DEFAULT_PORT = 3000;
    public static final int DEFAULT_MOTO_PORT = 8000;
    public static final String DEFAULT_TABLE = "tickets-sandbox";
    /** The sandbox runs the automation every minute (AWS: every 5), so a 1-minute target escalates promptly. */
    public static final String DEFAULT_AUTOMATION_SECONDS = "60";

    static final int MIN_KEY_LENGTH = 32;
    static final int MAX_KEY_LENGTH = 128;

    public static Options defaults() {
        return new Options(DEFAULT_PORT, Optional.empty(), DEFAULT_MOTO_PORT, DEFAULT_TABLE, Optional.empty(),
                Optional.empty(), Optional.empty(), Clock.systemUTC(), true, FunctionRuntime.LAMBDA, Optional.empty());
    }

    /**
     * PORT, DYNAMODB_PORT, DYNAMODB_ENDPOINT, TABLE_NAME, SANDBOX_API_KEY, SANDBOX_THROTTLING, SANDBOX_RUNTIME
     * ({@code lambda} or {@code in-process}) and SANDBOX_AUTOMATION_SECONDS (60 by default; 0 runs the automation
     * only on request), each optional.
     */
    public static Options fromEnvironment(Map<String, String> env) {
        Options options = defaults();
        Optional<String> port = nonBlank(env, "PORT");
        if (port.isPresent()) {
            options = options.withPort(number(port.get(), "PORT"));
        }
        Optional<String> motoPort = nonBlank(env, "DYNAMODB_PORT");
        if (motoPort.isPresent()) {
            options = options.withMotoPort(number(motoPort.get(), "DYNAMODB_PORT"));
        }
        Optional<String> endpoint = nonBlank(env, "DYNAMODB_ENDPOINT");
        if (endpoint.isPresent()) {
            options = options.withDynamoDbEndpoint(URI.create(endpoint.get()));
        }
        Optional<String> table = nonBlank(env, "TABLE_NAME");
        if (table.isPresent()) {
            options = options.withTableName(table.get());
        }
        Optional<String> throttling = nonBlank(env, "SANDBOX_THROTTLING");
        if (throttling.isPresent()) {
            if (!throttling.get().equals("on") && !throttling.get().equals("off")) {
                throw new IllegalArgumentException("SANDBOX_THROTTLING must be on or off, not '" + throttling.get()
                        + "'");
            }
            options = options.withThrottling(throttling.get().equals("on"));
        }
        Optional<String> runtime = nonBlank(env, "SANDBOX_RUNTIME");
        if (runtime.isPresent()) {
            options = options.withRuntime(switch (runtime.get()) {
                case "lambda" -> FunctionRuntime.LAMBDA;
                case "in-process" -> FunctionRuntime.IN_PROCESS;
                default -> throw new IllegalArgumentException("SANDBOX_RUNTIME must be lambda or in-process, not '"
                        + runtime.get() + "'");
            });
        }
        String every = nonBlank(env, "SANDBOX_AUTOMATION_SECONDS").orElse(DEFAULT_AUTOMATION_SECONDS);
        int seconds;
        try {
            seconds = Integer.parseInt(every);
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 0) {
            throw new IllegalArgumentException("SANDBOX_AUTOMATION_SECONDS must be a whole number of seconds (0: "
                    + "only on request), not '" + every + "'");
        }
        options = options.withAutomationEvery(seconds == 0 ? Optional.empty()
                : Optional.of(Duration.ofSeconds(seconds)));
        Optional<String> key = nonBlank(env, "SANDBOX_API_KEY");
        if (key.isPresent()) {
            // The authorizer rejects keys outside these bounds unread, so any other key could never be used.
            if (key.get().length() < MIN_KEY_LENGTH || key.get().length() > MAX_KEY_LENGTH) {
                throw new IllegalArgumentException("SANDBOX_API_KEY must be " + MIN_KEY_LENGTH + " to "
                        + MAX_KEY_LENGTH + " characters long");
            }
            options = options.withDemoPrimaryKey(key.get());
        }
        return options;
    }

    public Options withPort(int newPort) {
        return new Options(newPort, dynamoDbEndpoint, motoPort, tableName, demoPrimaryKey, template, authorizerTtl,
                clock, throttling, runtime, automationEvery);
    }

    public Options withDynamoDbEndpoint(URI endpoint) {
        return new Options(port, Optional.of(endpoint), motoPort, tableName, demoPrimaryKey, template, authorizerTtl,
                clock, throttling, runtime, automationEvery);
    }

    public Options withMotoPort(int newMotoPort) {
        return new Options(port, dynamoDbEndpoint, newMotoPort, tableName, demoPrimaryKey, template, authorizerTtl,
                clock, throttling, runtime, automationEvery);
    }

    public Options withTableName(String newTableName) {
        return new Options(port, dynamoDbEndpoint, motoPort, newTableName, demoPrimaryKey, template, authorizerTtl,
                clock, throttling, runtime, automationEvery);
    }

    public Options withDemoPrimaryKey(String key) {
        return new Options(port, dynamoDbEndpoint, motoPort, tableName, Optional.of(key), template, authorizerTtl,
                clock, throttling, runtime, automationEvery);
    }

    public Options withTemplate(Path newTemplate) {
        return new Options(port, dynamoDbEndpoint, motoPort, tableName, demoPrimaryKey, Optional.of(newTemplate),
                authorizerTtl, clock, throttling, runtime, automationEvery);
    }

    public Options withAuthorizerTtl(Duration ttl) {
        return new Options(port, dynamoDbEndpoint, motoPort, tableName, demoPrimaryKey, template, Optional.of(ttl),
                clock, throttling, runtime, automationEvery);
    }

    public Options withThrottling(boolean enforce) {
        return new Options(port, dynamoDbEndpoint, motoPort, tableName, demoPrimaryKey, template, authorizerTtl,
                clock, enforce, runtime, automationEvery);
    }

    public Options withClock(Clock newClock) {
        return new Options(port, dynamoDbEndpoint, motoPort, tableName, demoPrimaryKey, template, authorizerTtl,
                newClock, throttling, runtime, automationEvery);
    }

    public Options withRuntime(FunctionRuntime newRuntime) {
        return new Options(port, dynamoDbEndpoint, motoPort, tableName, demoPrimaryKey, template, authorizerTtl,
                clock, throttling, newRuntime, automationEvery);
    }

    public Options withAutomationEvery(Optional<Duration> every) {
        return new Options(port, dynamoDbEndpoint, motoPort, tableName, demoPrimaryKey, template, authorizerTtl,
                clock, throttling, runtime, every);
    }

    private static Optional<String> nonBlank(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static int number(String value, String name) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'", e);
        }
    }
}
