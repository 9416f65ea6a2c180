package dev.ticketing.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.local.template.SamTemplate;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

class TemplateTableTest {

    @Test
    void buildsCreateTableRequestDespiteCloudFormationShortFormTags() {
        TemplateTable template = TemplateTable.load(fixture("short-form-intrinsics.yaml"));

        CreateTableRequest request = template.createTableRequest("tickets-test");

        assertThat(request.tableName()).isEqualTo("tickets-test");
        assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(request.provisionedThroughput()).isNull();
        assertThat(request.attributeDefinitions()).containsExactly(
                AttributeDefinition.builder().attributeName("id").attributeType("S").build(),
                AttributeDefinition.builder().attributeName("owner").attributeType("S").build(),
                AttributeDefinition.builder().attributeName("score").attributeType("N").build());
        assertThat(request.keySchema()).containsExactly(key("id", KeyType.HASH));
        assertThat(request.hasLocalSecondaryIndexes()).isFalse();
        assertThat(request.streamSpecification()).isNull();
    }

    @Test
    void carriesEveryIndexWithItsProjection() {
        TemplateTable template = TemplateTable.load(fixture("short-form-intrinsics.yaml"));

        assertThat(template.createTableRequest("t").globalSecondaryIndexes()).containsExactly(
                GlobalSecondaryIndex.builder()
                        .indexName("by-owner")
                        .keySchema(key("owner", KeyType.HASH), key("score", KeyType.RANGE))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("title", "status")
                                .build())
                        .build(),
                GlobalSecondaryIndex.builder()
                        .indexName("by-score")
                        .keySchema(key("score", KeyType.HASH))
                        // CloudFormation's default projection when the template gives none.
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .build());
    }

    @Test
    void readsTimeToLiveAndKeyNames() {
        TemplateTable template = TemplateTable.load(fixture("short-form-intrinsics.yaml"));

        assertThat(template.timeToLive()).contains(
                TimeToLiveSpecification.builder().attributeName("goneAt").enabled(true).build());
        assertThat(template.partitionKey()).isEqualTo("id");
        assertThat(template.sortKey()).isEmpty();
    }

    @Test
    void carriesProvisionedThroughputWhenBillingModeIsOmitted() {
        CreateTableRequest request = TemplateTable.load(fixture("provisioned.yaml")).createTableRequest("t");

        assertThat(request.billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(request.provisionedThroughput())
                .isEqualTo(ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(2L).build());
        assertThat(request.globalSecondaryIndexes().get(0).provisionedThroughput())
                .isEqualTo(ProvisionedThroughput.builder().readCapacityUnits(3L).writeCapacityUnits(1L).build());
        assertThat(TemplateTable.load(fixture("provisioned.yaml")).timeToLive()).isEmpty();
    }

    @Test
    void rejectsAnIntrinsicFunctionWhereTheTableNeedsALiteral() {
        TemplateTable template = TemplateTable.load(fixture("intrinsic-billing-mode.yaml"));

        assertThatThrownBy(() -> template.createTableRequest("t"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Resources.TicketsTable.Properties.BillingMode")
                .hasMessageContaining("{\"Ref\":\"Mode\"}");
    }

    @Test
    void failsWhenTheTemplateHasNoTicketsTable() {
        assertThatThrownBy(() -> TemplateTable.load(fixture("no-tickets-table.yaml")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Resources.TicketsTable.Properties");
    }

    @Test
    void findsTheProjectTemplateAboveTheModuleDirectory() {
        Path moduleDirectory = Path.of(System.getProperty("user.dir"));

        assertThat(TemplateTable.load().template())
                .isEqualTo(moduleDirectory.getParent().resolve(SamTemplate.TEMPLATE_FILE).toAbsolutePath());
    }

    @Test
    void systemPropertyOverridesTheTemplateLocation() {
        String previous = System.getProperty(SamTemplate.TEMPLATE_PROPERTY);
        System.setProperty(SamTemplate.TEMPLATE_PROPERTY, fixture("provisioned.yaml").toString());
        try {
            assertThat(TemplateTable.load().template()).isEqualTo(fixture("provisioned.yaml"));
        } finally {
            if (previous == null) {
                System.clearProperty(SamTemplate.TEMPLATE_PROPERTY);
            } else {
                System.setProperty(SamTemplate.TEMPLATE_PROPERTY, previous);
            }
        }
    }

    private static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }

    private static Path fixture(String name) {
        try {
            return Path.of(TemplateTableTest.class.getResource("/templates/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
