package dev.ticketing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.config.Config;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The production client, built as the functions and the sandbox build it, runs under the local engine's
 * strict-limits layer wherever that module is on the class path: moto alone would store this number.
 */
@ExtendWith(DynamoDbEngine.class)
class DynamoDbClientsIT {

    @Test
    void productionClientOnALocalEngine_isRefusedWhatDynamoDbRefuses(TestTable table) {
        Config config = Config.from(Map.of(Config.TABLE_NAME, table.tableName(),
                Config.DYNAMODB_ENDPOINT, table.endpoint().toString()));
        try (DynamoDbClient client = DynamoDbClients.create(config)) {
            assertThatThrownBy(() -> client.putItem(r -> r.tableName(table.tableName()).item(Map.of(
                    "PK", AttributeValue.fromS("INSTANCE#clients-it"), "SK", AttributeValue.fromS("NUMBER"),
                    "value", AttributeValue.fromN("1".repeat(39))))))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Attempting to store more than 38 significant digits in a Number"));
        }
    }
}
