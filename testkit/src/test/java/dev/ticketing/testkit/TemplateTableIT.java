package dev.ticketing.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.local.dynamodb.TemplateTable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Compares what the engine reports for a table created from template.yaml with what the template declares. */
@ExtendWith(DynamoDbEngine.class)
class TemplateTableIT {

    private final TemplateTable template = TemplateTable.load();

    @Test
    void createsTableWithEveryIndexAndTtlFromTemplate(TestTable table) {
        TableDescription described = table.client()
                .describeTable(request -> request.tableName(table.tableName())).table();
        TimeToLiveDescription ttl = table.client()
                .describeTimeToLive(request -> request.tableName(table.tableName())).timeToLiveDescription();

        assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(described.keySchema()).containsExactlyElementsOf(template.keySchema());
        assertThat(described.attributeDefinitions())
                .containsExactlyInAnyOrderElementsOf(template.attributeDefinitions());
        assertThat(template.globalSecondaryIndexes()).as("indexes declared in %s", template.template()).isNotEmpty();
        assertThat(indexes(described)).containsExactlyInAnyOrderElementsOf(template.globalSecondaryIndexes().stream()
                .map(index -> new Index(index.indexName(), index.keySchema(), index.projection()))
                .toList());
        assertThat(template.timeToLive()).as("TTL declared in %s", template.template()).isPresent();
        assertThat(ttl.attributeName()).isEqualTo(template.timeToLive().orElseThrow().attributeName());
        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    }

    @Test
    void createsTableWithTheTemplatesBillingMode(TestTable table) {
        TableDescription described = table.client()
                .describeTable(request -> request.tableName(table.tableName())).table();

        assertThat(described.billingModeSummary().billingMode()).isEqualTo(template.billingMode());
    }

    private static List<Index> indexes(TableDescription table) {
        return table.globalSecondaryIndexes().stream()
                .map(TemplateTableIT::index)
                .toList();
    }

    private static Index index(GlobalSecondaryIndexDescription index) {
        return new Index(index.indexName(), index.keySchema(), index.projection());
    }

    /** An index as both sides can describe it: the engine adds fields (status, size) the template has not. */
    private record Index(String name, List<KeySchemaElement> keySchema, Projection projection) {
    }
}
