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
                    : index.indexName().startsWith("priority-") ? Indexes.PRIORITY_PK
                    : index.indexName().equals(Indexes.ESCALATION_CREATED) ? Indexes.ESCALATION_PK
                    : index.indexName().equals(Indexes.AUTOMATION_DUE) ? Indexes.DUE_SHARD : Indexes.LIST_PK;
            assertThat(keys).as(index.indexName()).first().isEqualTo(partition);
        }
    }

    @Test
    void theNewIndexesSortByTheAttributesTheCodeNames() {
        for (GlobalSecondaryIndex index : declared) {
            String sort = index.keySchema().get(1).attributeName();
            switch (index.indexName()) {
                case Indexes.ESCALATION_CREATED -> assertThat(sort).isEqualTo("oCreatedDateTime");
                case Indexes.UPDATED -> assertThat(sort).isEqualTo(Indexes.UPDATED_SORT);
                case Indexes.AUTOMATION_DUE -> assertThat(sort).isEqualTo(Indexes.DUE_AT);
                default -> {
                    // The list indexes: checked by the listing tests, which read them in every order.
                }
            }
        }
    }
}
