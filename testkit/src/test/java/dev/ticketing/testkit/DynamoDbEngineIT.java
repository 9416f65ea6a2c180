package dev.ticketing.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

@ExtendWith(DynamoDbEngine.class)
class DynamoDbEngineIT {

    private static TestTable classTable;

    @BeforeAll
    static void rememberClassTable(TestTable table) {
        classTable = table;
    }

    @Test
    void givesEveryTestOfAClassTheSameActiveTable(TestTable table) {
        assertThat(table).isSameAs(classTable);
        assertThat(table.tableName()).startsWith(DynamoDbEngineIT.class.getSimpleName() + "-");
        assertThat(table.client().describeTable(request -> request.tableName(table.tableName())).table().tableStatus())
                .isEqualTo(TableStatus.ACTIVE);
    }

    @Nested
    class NestedClass {

        @Test
        void getsItsOwnTableOnTheSameEngine(TestTable table) {
            assertThat(table.tableName()).isNotEqualTo(classTable.tableName());
            assertThat(table.endpoint()).isEqualTo(classTable.endpoint());
            assertThat(table.client().listTables().tableNames())
                    .contains(table.tableName(), classTable.tableName());
        }
    }
}
