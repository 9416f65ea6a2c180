package dev.ticketing.testkit;

import dev.ticketing.local.dynamodb.LocalDynamoDb;
import dev.ticketing.local.dynamodb.TemplateTable;
import java.lang.System.Logger.Level;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * JUnit 5 extension that injects a {@link TestTable}: one fresh table per test class, built from
 * {@code template.yaml}, on a DynamoDB engine started once per JVM and shared. The engine is
 * {@code DYNAMODB_ENDPOINT} if set, else LocalStack when Docker is available, else moto from the project's
 * {@code .venv}. The table has the template's stream only when the class is annotated {@link WithTableStream}.
 *
 * <pre>{@code
 * @ExtendWith(DynamoDbEngine.class)
 * class TicketStoreIT {
 *     @Test
 *     void savesTicket(TestTable table) { ... }
 * }
 * }</pre>
 */
public final class DynamoDbEngine implements ParameterResolver {

    private static final System.Logger LOG = System.getLogger(DynamoDbEngine.class.getName());
    private static final Namespace NAMESPACE = Namespace.create(DynamoDbEngine.class);
    private static final int MAX_TABLE_NAME_PREFIX = 200;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestTable.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        // Stores are read through to parent contexts, so the key names the class to keep @Nested classes apart.
        String key = "table:" + classContext.getUniqueId();
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(key, ignored -> ClassTable.create(engine(context), classContext),
                        ClassTable.class)
                .table();
    }

    /** The engine shared by every test class of this JVM; closed by JUnit when the whole run ends. */
    private static LocalDynamoDb engine(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(LocalDynamoDb.class, ignored -> {
                    LocalDynamoDb engine = LocalStack.startPreferringDocker();
                    LOG.log(Level.INFO, "DynamoDB engine for tests: {0}", engine);
                    return engine;
                }, LocalDynamoDb.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static String tableName(ExtensionContext classContext) {
        Class<?> testClass = classContext.getRequiredTestClass();
        String className = testClass.getName().substring(testClass.getPackageName().length())
                .replaceFirst("^\\.", "")
                .replaceAll("[^A-Za-z0-9_.-]", "_");
        if (className.length() > MAX_TABLE_NAME_PREFIX) {
            className = className.substring(0, MAX_TABLE_NAME_PREFIX);
        }
        return className + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A test class's table and client; JUnit closes it after the class, which deletes the table. */
    private record ClassTable(TestTable table) implements AutoCloseable {

        static ClassTable create(LocalDynamoDb engine, ExtensionContext classContext) {
            DynamoDbClient client = engine.newClient();
            String tableName = tableName(classContext);
            try {
                TemplateTable.load().createIn(client, tableName,
                        classContext.getRequiredTestClass().isAnnotationPresent(WithTableStream.class));
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
            return new ClassTable(new TestTable(engine.endpoint(), client, tableName));
        }

        @Override
        public void close() {
            // The engine keeps every table in memory until the JVM ends; dropping finished ones keeps it small.
            try (DynamoDbClient client = table.client()) {
                client.deleteTable(request -> request.tableName(table.tableName()));
            } catch (ResourceNotFoundException alreadyDeletedByTheTest) {
                // Nothing left to clean up.
            }
        }
    }
}
