package dev.ticketing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.local.dynamodb.TemplateTable;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

class IndexesTest {

    private final List<GlobalSecondaryIndex> declared = TemplateTable.load().createTableRequest("t")
            .globalSecondaryIndexes();

    @Test
    void everyIndexTheCodeQueries_isDeclaredInTheTemplate_andNoOther() {
        assertThat(declared).extracting(GlobalSecondaryIndex::indexName)
                .containsExactlyInAnyOrderElementsOf(Indexes.all());
    }

    @Test
    void theIndexesAreKeyedByTheAttributesTheCodeNames() {
        for (GlobalSecondaryIndex index : declared) {
            List<String> keys = index.keySchema().stream().map(KeySchemaElement::attributeName).toList();
            String partition = index.indexName().startsWith("status-") ? Indexes.STATUS_PK
                    : index.indexName().startsWith("priority-") ? Indexes.PRIORITY_PK : Indexes.LIST_PK;
            assertThat(keys).as(index.indexName()).first().isEqualTo(partition);
        }
    }
}
