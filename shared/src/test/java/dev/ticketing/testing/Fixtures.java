package dev.ticketing.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.config.Config;
import dev.ticketing.json.Json;
import dev.ticketing.model.Instance;
import dev.ticketing.model.Ticket;
import dev.ticketing.service.CreatedInstance;
import dev.ticketing.service.Idempotency;
import dev.ticketing.service.InstanceAdminService;
import dev.ticketing.testkit.TestTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Test data shared by every module: the demo instance, the reference's examples and the events/ samples. */
public final class Fixtures {

    /** A 201 answer with {@code body}, for the render function of an idempotent write. */
    public static Idempotency.Response created(String body) {
        return new Idempotency.Response(201, Map.of(), body);
    }

    /** The demo instance's id and primary key, as used by the samples in events/. */
    public static final String TEST_TOKEN_SECRET = "test-only-continuation-token-secret";
    public static final String DEMO_INSTANCE_ID = "7d5a3c1e-0b7f-4c4e-9a43-5f0e2d1b9c11";
    public static final String DEMO_PRIMARY_KEY = "sandbox-demo-primary-key-0123456789abcdef";

    private static final ObjectMapper EVENTS = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Fixtures() {
    }

    /**
     * The production object graph, pointed at a test table. Its client, like every client of the tests, runs under
     * the local engine's DynamoDbLimits: DynamoDB's limits, page ends and transaction conflicts.
     */
    public static Dependencies dependencies(TestTable table) {
        Config config = testConfig(table);
        return new Dependencies(config, table.newClient());
    }

    /** A test table's settings, with a continuation-token secret given directly (the local path Config documents). */
    public static Config testConfig(TestTable table) {
        return Config.from(Map.of(Config.TABLE_NAME, table.tableName(),
                Config.DYNAMODB_ENDPOINT, table.endpoint().toString(),
                Config.TOKEN_SECRET, TEST_TOKEN_SECRET));
    }

    /** As {@link #dependencies(TestTable)}, with further interceptors on the client (to inject failures). */
    public static Dependencies dependencies(TestTable table, ExecutionInterceptor... interceptors) {
        Config config = testConfig(table);
        return new Dependencies(config, table.newClient(interceptors));
    }

    /** The sandbox's demo instance definition (custom fields and tag category of the reference's examples). */
    public static ObjectNode demoDefinition() {
        try {
            return (ObjectNode) Json.MAPPER.readTree(projectFile(
                    "sandbox/src/main/resources/demo-instance.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the demo instance under the given id and primary key. */
    public static CreatedInstance createDemoInstance(Dependencies dependencies, String instanceId, String primaryKey) {
        ObjectNode definition = demoDefinition();
        definition.put("id", instanceId);
        return new InstanceAdminService(dependencies.instanceStore())
                .create(definition, Optional.ofNullable(primaryKey), null);
    }

    /** Creates a copy of the demo instance with a fresh id and generated keys. */
    public static CreatedInstance createDemoInstance(Dependencies dependencies) {
        return createDemoInstance(dependencies, UUID.randomUUID().toString(), null);
    }

    /** Turns the instance's {@code enabled} setting off, as the admin tool does. */
    public static void disableInstance(Dependencies dependencies, String instanceId) {
        dependencies.instanceStore().updateDefinition(instanceId, instance -> {
            ObjectNode tree = Json.MAPPER.valueToTree(instance);
            tree.put("enabled", false);
            return Json.MAPPER.convertValue(tree, Instance.class);
        });
    }

    /** A request body of the API reference, as printed there (see src/test/resources/reference). */
    public static String referenceExample(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/reference/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no reference example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode referenceExampleJson(String name) {
        try {
            return Json.parse(referenceExample(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample API Gateway proxy event from events/, the same file {@code sam local invoke -e} uses. */
    public static APIGatewayProxyRequestEvent proxyEvent(String name) {
        return readEvent(name, APIGatewayProxyRequestEvent.class);
    }

    /** A sample of events/ as the authorizer passes it for another instance's key. */
    public static APIGatewayProxyRequestEvent proxyEvent(String name, String instanceId) {
        APIGatewayProxyRequestEvent event = proxyEvent(name);
        event.getRequestContext().setAuthorizer(Map.of("instanceId", instanceId));
        return event;
    }

    /** Ticket 1 (the reference's example 1) of a new demo instance that is then disabled. */
    public static Ticket ticketOfADisabledInstance(Dependencies dependencies) {
        String instanceId = createDemoInstance(dependencies).instanceId();
        Ticket ticket = dependencies.ticketService().create(instanceId,
                referenceExampleJson("create-ticket-example-1.json"));
        disableInstance(dependencies, instanceId);
        return ticket;
    }

    public static APIGatewayCustomAuthorizerEvent authorizerEvent(String name) {
        return readEvent(name, APIGatewayCustomAuthorizerEvent.class);
    }

    private static <T> T readEvent(String name, Class<T> type) {
        try {
            return EVENTS.readValue(projectFile("events/" + name).toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the project, found from whichever module directory the build runs in. */
    public static Path projectFile(String relative) {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(relative + " not found above " + System.getProperty("user.dir"));
    }
}
