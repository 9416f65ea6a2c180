package dev.ticketing.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class LocalDynamoDbIT {

    @Test
    void startsAnEngineAndCreatesTheTemplateTableOnIt() {
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start()) {
            dynamoDb.createTable("LocalDynamoDbIT");

            assertThat(dynamoDb.client().describeTable(request -> request.tableName("LocalDynamoDbIT"))
                    .table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
        }
    }
}
