package dev.ticketing.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.config.Config;
import dev.ticketing.local.dynamodb.InstanceKeyGuard;
import dev.ticketing.store.dynamodb.DynamoDbClients;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key-shape guard is registered for the whole test suite through the SDK's global interceptor file, so it
 * must be on every client the tests build: the extension's, those built with extra interceptors, and the
 * production-built one that handlers' no-argument constructors and the sandbox use.
 */
@ExtendWith(DynamoDbEngine.class)
class InstanceKeyGuardIT {

    private static final Map<String, AttributeValue> UNSCOPED_TICKET = Map.of(
            "PK", AttributeValue.fromS("TICKET#0000000001"), "SK", AttributeValue.fromS("TICKET"));

    @Test
    void everyClientTheTestsBuild_refusesAnItemWhoseKeyLacksTheInstance_andWritesNothing(TestTable table) {
        Config config = Config.from(Map.of(Config.TABLE_NAME, table.tableName(),
                Config.DYNAMODB_ENDPOINT, table.endpoint().toString()));
        try (DynamoDbClient plain = table.newClient();
             DynamoDbClient production = DynamoDbClients.create(config)) {
            List<DynamoDbClient> clients = List.of(table.client(), plain, production,
                    Fixtures.dependencies(table).client());

            for (DynamoDbClient client : clients) {
                assertThatThrownBy(() -> client.putItem(r -> r.tableName(table.tableName()).item(UNSCOPED_TICKET)))
                        .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class)
                        .hasMessageContaining("TICKET#0000000001");
            }
            assertThat(table.client().scan(r -> r.tableName(table.tableName())).count()).isZero();
        }
    }

    @Test
    void anItemScopedToItsInstance_isWritten(TestTable table) {
        Map<String, AttributeValue> scoped = Map.of(
                "PK", AttributeValue.fromS("INSTANCE#guard-it#TICKET#0000000001"), "SK", AttributeValue.fromS("TICKET"),
                "instanceId", AttributeValue.fromS("guard-it"));

        table.client().putItem(r -> r.tableName(table.tableName()).item(scoped));

        assertThat(table.client().getItem(r -> r.tableName(table.tableName())
                .key(Map.of("PK", scoped.get("PK"), "SK", scoped.get("SK")))).item()).isEqualTo(scoped);
    }
}
