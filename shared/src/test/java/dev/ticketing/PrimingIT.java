package dev.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.config.Config;
import dev.ticketing.local.dynamodb.DynamoDbCallCounter;
import dev.ticketing.service.TicketService;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testing.StandardOutput;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynamoDbEngine.class)
class PrimingIT {

    @Test
    void beforeCheckpoint_runsJsonSchemasValidationReadsLoggingAndMetrics_andWritesNothing(TestTable table) {
        // Given a table holding an instance and a ticket
        Dependencies seeding = Fixtures.dependencies(table);
        String instanceId = Fixtures.createDemoInstance(seeding).instanceId();
        TicketService tickets = seeding.ticketService();
        tickets.create(instanceId, Fixtures.referenceExampleJson("create-ticket-example-1.json"));
        List<Map<String, AttributeValue>> before = scan(table);
        DynamoDbCallCounter counter = new DynamoDbCallCounter();

        try (DynamoDbClient counted = table.newClient(counter)) {
            Config config = Config.from(Map.of(Config.TABLE_NAME, table.tableName()));
            Priming priming = Priming.register(new Dependencies(config, counted));

            // When the snapshot hook runs
            List<String> printed = StandardOutput.capture(() -> priming.beforeCheckpoint(Core.getGlobalContext()));

            // Then it rendered a validated ticket, found the invalid body's errors and read without finding data
            Priming.Primed run = priming.lastRun();
            assertThat(run).isNotNull();
            assertThat(run.renderedTicket()).contains("\"title\":\"Priming\"", "\"priority\":\"Urgent\"", "A-1");
            assertThat(run.validationErrors()).isPositive();
            assertThat(run.readFoundData()).isFalse();
            // and logging and metrics: one line logged, a metric record of every metric built but never printed
            assertThat(printed).filteredOn(line -> line.contains("\"priming request\"")).hasSize(1);
            assertThat(printed).noneMatch(line -> line.contains("_aws"));
            assertThat(run.metricRecord()).hasSize(1);
            assertThat(run.metricRecord().get(0)).contains("\"CloudWatchMetrics\"", "\"TicketsCreated\"",
                    "\"ListItemsReadPerReturned\"", "\"ServerErrors\"");
            DynamoDbCallCounter.Snapshot calls = counter.snapshot();
            assertThat(calls.calls("GetItem")).isEqualTo(2);
            assertThat(calls.calls("Query")).isEqualTo(1);
            assertThat(calls.callsByOperation()).containsOnlyKeys("GetItem", "Query");
        }
        assertThat(scan(table)).containsExactlyInAnyOrderElementsOf(before).hasSameSizeAs(before);
    }

    private static List<Map<String, AttributeValue>> scan(TestTable table) {
        return table.client().scanPaginator(r -> r.tableName(table.tableName())).items().stream().toList();
    }
}
