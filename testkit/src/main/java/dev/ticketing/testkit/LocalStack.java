package dev.ticketing.testkit;

import dev.ticketing.local.dynamodb.LocalDynamoDb;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/** The engine the tests run on: as {@link LocalDynamoDb#start()}, but LocalStack comes before moto when Docker runs. */
final class LocalStack {

    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:3");

    private static final System.Logger LOG = System.getLogger(LocalStack.class.getName());

    private LocalStack() {
    }

    /** {@code DYNAMODB_ENDPOINT} if set, else LocalStack when Docker is available, else moto. */
    static LocalDynamoDb startPreferringDocker() {
        Optional<LocalDynamoDb> configured = LocalDynamoDb.configured();
        if (configured.isPresent()) {
            return configured.get();
        }
        List<Exception> tried = new ArrayList<>();
        if (dockerAvailable()) {
            try {
                return start();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "LocalStack did not start, falling back to moto", e);
                tried.add(e);
            }
        }
        try {
            return LocalDynamoDb.moto(0);
        } catch (RuntimeException e) {
            tried.forEach(e::addSuppressed);
            throw e;
        }
    }

    private static LocalDynamoDb start() {
        LocalStackContainer container = new LocalStackContainer(IMAGE)
                .withServices(LocalStackContainer.Service.DYNAMODB);
        try {
            container.start();
            return LocalDynamoDb.running(Objects.requireNonNull(container.getEndpoint()), "LocalStack",
                    container::stop);
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            // Treat a broken Docker set-up like no Docker at all: moto still works.
            return false;
        }
    }
}
