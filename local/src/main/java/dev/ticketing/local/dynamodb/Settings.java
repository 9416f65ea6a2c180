package dev.ticketing.local.dynamodb;

import java.util.Optional;

/** The environment variables the local engine honours, read in one place. */
final class Settings {

    /** A running DynamoDB-compatible endpoint to use instead of starting one. */
    static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";
    /** Path of a {@code moto_server} executable to use instead of the project's {@code .venv}. */
    static final String MOTO_SERVER = "MOTO_SERVER";

    private Settings() {
    }

    static Optional<String> dynamoDbEndpoint() {
        return nonBlank(DYNAMODB_ENDPOINT);
    }

    static Optional<String> motoServer() {
        return nonBlank(MOTO_SERVER);
    }

    private static Optional<String> nonBlank(String name) {
        return Optional.ofNullable(System.getenv(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
