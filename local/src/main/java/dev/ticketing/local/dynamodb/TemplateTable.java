package dev.ticketing.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.local.template.SamTemplate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The ticket table as {@code template.yaml} defines it ({@code Resources.TicketsTable}), turned into DynamoDB API
 * requests so that tests, the sandbox and benchmarks run against exactly the table production has.
 */
public final class TemplateTable {

    public static final String TABLE_RESOURCE = "TicketsTable";

    private static final Duration ACTIVE_POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(3);

    private static final String PROPERTIES_PATH = "Resources." + TABLE_RESOURCE + ".Properties";

    private final Path template;
    private final JsonNode properties;

    private TemplateTable(Path template, JsonNode properties) {
        this.template = template;
        this.properties = properties;
    }

    /** Creates {@code tableName} from the project's template, enables its TTL and waits until it is ACTIVE. */
    public static void create(DynamoDbClient client, String tableName) {
        load().createIn(client, tableName);
    }

    /** The project's template: {@code -Dticketing.template=...}, else the nearest {@code template.yaml} upwards. */
    public static TemplateTable load() {
        return of(SamTemplate.load());
    }

    public static TemplateTable load(Path template) {
        return of(SamTemplate.read(template));
    }

    public static TemplateTable of(SamTemplate template) {
        JsonNode properties = template.root().path("Resources").path(TABLE_RESOURCE).path("Properties");
        if (!properties.isObject()) {
            throw new IllegalStateException(template.file() + " has no " + PROPERTIES_PATH);
        }
        return new TemplateTable(template.file(), properties);
    }

    /** Creates the table, waits until DynamoDB reports it ACTIVE, then applies the template's TTL setting. */
    public void createIn(DynamoDbClient client, String tableName) {
        createIn(client, tableName, true);
    }

    /**
     * As {@link #createIn(DynamoDbClient, String)}, with the template's stream only when {@code withStream}: moto
     * copies both images of every write into the stream, which makes write-heavy tests several times slower, so
     * test tables have it only where a test reads it.
     */
    public void createIn(DynamoDbClient client, String tableName, boolean withStream) {
        CreateTableRequest create = createTableRequest(tableName);
        if (!withStream) {
            create = create.toBuilder().streamSpecification((StreamSpecification) null).build();
        }
        client.createTable(create);
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client).build()) {
            // The SDK's default waiter sleeps 20 s between polls, far longer than a local engine needs.
            waiter.waitUntilTableExists(request -> request.tableName(tableName),
                    config -> config.backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(ACTIVE_POLL_INTERVAL))
                            .waitTimeout(ACTIVE_TIMEOUT));
        }
        // DynamoDB accepts UpdateTimeToLive only on an ACTIVE table, hence after the wait.
        timeToLive().ifPresent(ttl -> client.updateTimeToLive(
                request -> request.tableName(tableName).timeToLiveSpecification(ttl)));
    }

    public Path template() {
        return template;
    }

    /**
     * The CreateTable request for the template's table under another name. Only what changes how data is stored
     * and queried is carried over; deletion protection, backups, encryption and tags do not matter to a local
     * engine and are left out.
     */
    public CreateTableRequest createTableRequest(String tableName) {
        BillingMode billingMode = billingMode();
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .attributeDefinitions(attributeDefinitions())
                .keySchema(keySchema())
                .billingMode(billingMode);
        if (billingMode == BillingMode.PROVISIONED) {
            request.provisionedThroughput(provisionedThroughput(properties, PROPERTIES_PATH));
        }
        List<GlobalSecondaryIndex> globalIndexes = globalSecondaryIndexes();
        if (!globalIndexes.isEmpty()) {
            request.globalSecondaryIndexes(globalIndexes);
        }
        List<LocalSecondaryIndex> localIndexes = localSecondaryIndexes();
        if (!localIndexes.isEmpty()) {
            request.localSecondaryIndexes(localIndexes);
        }
        streamSpecification().ifPresent(request::streamSpecification);
        return request.build();
    }

    public BillingMode billingMode() {
        JsonNode node = properties.get("BillingMode");
        // CloudFormation's own default when BillingMode is omitted.
        return node == null ? BillingMode.PROVISIONED
                : BillingMode.fromValue(text(node, PROPERTIES_PATH + ".BillingMode"));
    }

    public List<AttributeDefinition> attributeDefinitions() {
        return list("AttributeDefinitions", (node, path) -> AttributeDefinition.builder()
                .attributeName(text(node.get("AttributeName"), path + ".AttributeName"))
                .attributeType(text(node.get("AttributeType"), path + ".AttributeType"))
                .build());
    }

    public List<KeySchemaElement> keySchema() {
        return keySchema(properties.get("KeySchema"), PROPERTIES_PATH + ".KeySchema");
    }

    public String partitionKey() {
        return keyAttribute(keySchema(), KeyType.HASH)
                .orElseThrow(() -> new IllegalStateException(PROPERTIES_PATH + ".KeySchema has no HASH key"));
    }

    public Optional<String> sortKey() {
        return keyAttribute(keySchema(), KeyType.RANGE);
    }

    public List<GlobalSecondaryIndex> globalSecondaryIndexes() {
        return list("GlobalSecondaryIndexes", (node, path) -> {
            GlobalSecondaryIndex.Builder index = GlobalSecondaryIndex.builder()
                    .indexName(text(node.get("IndexName"), path + ".IndexName"))
                    .keySchema(keySchema(node.get("KeySchema"), path + ".KeySchema"))
                    .projection(projection(node.get("Projection"), path + ".Projection"));
            if (billingMode() == BillingMode.PROVISIONED) {
                index.provisionedThroughput(provisionedThroughput(node, path));
            }
            return index.build();
        });
    }

    public List<LocalSecondaryIndex> localSecondaryIndexes() {
        return list("LocalSecondaryIndexes", (node, path) -> LocalSecondaryIndex.builder()
                .indexName(text(node.get("IndexName"), path + ".IndexName"))
                .keySchema(keySchema(node.get("KeySchema"), path + ".KeySchema"))
                .projection(projection(node.get("Projection"), path + ".Projection"))
                .build());
    }

    /** The template's TTL setting, if it declares one. */
    public Optional<TimeToLiveSpecification> timeToLive() {
        JsonNode node = properties.get("TimeToLiveSpecification");
        if (node == null) {
            return Optional.empty();
        }
        String path = PROPERTIES_PATH + ".TimeToLiveSpecification";
        return Optional.of(TimeToLiveSpecification.builder()
                .attributeName(text(node.get("AttributeName"), path + ".AttributeName"))
                .enabled(bool(node.get("Enabled"), path + ".Enabled"))
                .build());
    }

    public Optional<StreamSpecification> streamSpecification() {
        JsonNode node = properties.get("StreamSpecification");
        if (node == null) {
            return Optional.empty();
        }
        return Optional.of(StreamSpecification.builder()
                .streamEnabled(true)
                .streamViewType(text(node.get("StreamViewType"),
                        PROPERTIES_PATH + ".StreamSpecification.StreamViewType"))
                .build());
    }

    public static Optional<String> keyAttribute(List<KeySchemaElement> keySchema, KeyType keyType) {
        return keySchema.stream()
                .filter(element -> element.keyType() == keyType)
                .map(KeySchemaElement::attributeName)
                .findFirst();
    }

    private <T> List<T> list(String property, NodeMapper<T> mapper) {
        return list(properties.get(property), PROPERTIES_PATH + "." + property, mapper);
    }

    private static <T> List<T> list(JsonNode node, String path, NodeMapper<T> mapper) {
        List<T> result = new ArrayList<>();
        if (node == null) {
            return result;
        }
        if (!node.isArray()) {
            throw invalid(path, "a list", node);
        }
        for (int i = 0; i < node.size(); i++) {
            result.add(mapper.map(node.get(i), path + "[" + i + "]"));
        }
        return result;
    }

    private static List<KeySchemaElement> keySchema(JsonNode node, String path) {
        if (node == null) {
            throw invalid(path, "a key schema", null);
        }
        return list(node, path, (element, elementPath) -> KeySchemaElement.builder()
                .attributeName(text(element.get("AttributeName"), elementPath + ".AttributeName"))
                .keyType(text(element.get("KeyType"), elementPath + ".KeyType"))
                .build());
    }

    private static Projection projection(JsonNode node, String path) {
        if (node == null) {
            throw invalid(path, "a projection", null);
        }
        Projection.Builder projection = Projection.builder();
        JsonNode type = node.get("ProjectionType");
        // CloudFormation projects only the keys when ProjectionType is left out.
        projection.projectionType(type == null ? "KEYS_ONLY" : text(type, path + ".ProjectionType"));
        JsonNode nonKey = node.get("NonKeyAttributes");
        if (nonKey != null) {
            projection.nonKeyAttributes(list(nonKey, path + ".NonKeyAttributes", TemplateTable::text));
        }
        return projection.build();
    }

    private static ProvisionedThroughput provisionedThroughput(JsonNode owner, String ownerPath) {
        JsonNode node = owner.get("ProvisionedThroughput");
        String path = ownerPath + ".ProvisionedThroughput";
        if (node == null) {
            throw invalid(path, "provisioned throughput (BillingMode is PROVISIONED)", null);
        }
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Long.parseLong(text(node.get("ReadCapacityUnits"), path + ".ReadCapacityUnits")))
                .writeCapacityUnits(Long.parseLong(text(node.get("WriteCapacityUnits"), path + ".WriteCapacityUnits")))
                .build();
    }

    // A value the template must spell out; an intrinsic function ({"Ref": ...}) cannot be evaluated here.
    private static String text(JsonNode node, String path) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            throw invalid(path, "a literal value", node);
        }
        return node.asText();
    }

    private static boolean bool(JsonNode node, String path) {
        String value = text(node, path);
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw invalid(path, "true or false", node);
        }
        return Boolean.parseBoolean(value);
    }

    private static IllegalStateException invalid(String path, String expected, JsonNode found) {
        return new IllegalStateException(SamTemplate.TEMPLATE_FILE + ": " + path + " must be " + expected + ", found "
                + (found == null ? "nothing" : found.toString()));
    }

    @FunctionalInterface
    private interface NodeMapper<T> {
        T map(JsonNode node, String path);
    }
}
