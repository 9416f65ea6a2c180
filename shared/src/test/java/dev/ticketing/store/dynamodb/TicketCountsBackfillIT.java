package dev.ticketing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.error.ConflictException;
import dev.ticketing.json.Json;
import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.model.Ticket;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The backfill that establishes the ticket counts of an instance whose tickets predate them: exact afterwards, also
 * when tickets are created and changed while it counts; a no-op for an instance whose counts are complete.
 */
@ExtendWith(DynamoDbEngine.class)
class TicketCountsBackfillIT {

    private static final int WRITERS = 20;
    private static TestTable table;
    private static Dependencies deps;
    private static TicketCountsBackfill backfill;
    private static ExecutorService pool;

    @BeforeAll
    static void start(TestTable testTable) {
        table = testTable;
        deps = Fixtures.dependencies(table);
        backfill = new TicketCountsBackfill(deps.client(), table.tableName());
        pool = Executors.newFixedThreadPool(WRITERS + 1);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void anInstanceWhoseTicketsPredateTheCounts_getsExactCounts_andItsCountsAnswerFromThen() {
        String instanceId = legacyInstance(25);
        // Changes after the counts were deployed but before the backfill: the shards hold only their differences.
        List<Ticket> more = create(instanceId, 3);
        changeStatus(instanceId, "1", "Closed");
        changePriority(instanceId, more.get(0).id(), Priority.Low);
        assertThat(TicketCounts.count(deps.client(), table.tableName(), instanceId, Set.of(), Set.of())).isEmpty();

        TicketCountsBackfill.Result result = backfill.run(instanceId);

        assertThat(result.alreadyReady()).isFalse();
        assertThat(result.tickets()).isEqualTo(28);
        assertCountsAreExact(instanceId);
        changeStatus(instanceId, "2", "Resolved");
        create(instanceId, 1);
        assertCountsAreExact(instanceId);
    }

    @Test
    void ticketsWrittenWhileTheBackfillCounts_areCountedExactlyOnce() throws Exception {
        String instanceId = legacyInstance(30);
        List<Callable<Object>> work = new ArrayList<>();
        work.add(() -> backfill.run(instanceId));
        String[] targets = {"Started", "Resolved", "Closed"};
        for (int i = 0; i < WRITERS; i++) {
            String number = Integer.toString(i + 1);
            String target = targets[i % targets.length];
            work.add(i % 4 == 3 ? () -> create(instanceId, 1) : () -> {
                try {
                    changeStatus(instanceId, number, target);
                } catch (ConflictException notAllowedFromItsStatus) {
                    // e.g. Resolved to Started: nothing written.
                }
                return null;
            });
        }
        for (Future<Object> done : pool.invokeAll(work)) {
            done.get();
        }

        assertCountsAreExact(instanceId);
    }

    @Test
    void aWriteBetweenCountingAShard_andSettingIt_makesTheShardCountedAgain() {
        String instanceId = legacyInstance(12);
        List<String> shardUpdates = new ArrayList<>();
        ExecutionInterceptor interleave = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof UpdateItemRequest update) {
                    shardUpdates.add(update.key().get("SK").s());
                    if (shardUpdates.size() == 1) {
                        // Ticket 10 (shard 0) moves after shard 0 was counted, before it is set.
                        changeStatus(instanceId, "10", "Closed");
                    }
                }
            }
        };
        TicketCountsBackfill interleaved = new TicketCountsBackfill(table.newClient(interleave), table.tableName());

        interleaved.run(instanceId);

        assertThat(shardUpdates.subList(0, 2)).containsExactly("TICKETCOUNT#0", "TICKETCOUNT#0");
        assertCountsAreExact(instanceId);
    }

    @Test
    void aSecondRun_andAnInstanceCreatedWithItsCounts_areAlreadyReady_andChangeNothing() {
        String legacy = legacyInstance(4);
        backfill.run(legacy);
        String fresh = Fixtures.createDemoInstance(deps).instanceId();
        create(fresh, 2);

        assertThat(backfill.run(legacy)).isEqualTo(new TicketCountsBackfill.Result(4, true));
        assertThat(backfill.run(fresh)).isEqualTo(new TicketCountsBackfill.Result(2, true));
        assertCountsAreExact(legacy);
        assertCountsAreExact(fresh);
    }

    /** An instance with tickets written before its counts existed: every TICKETCOUNT# item removed. */
    private static String legacyInstance(int tickets) {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();
        List<Ticket> created = create(instanceId, tickets);
        for (int i = 0; i < created.size(); i += 3) {
            changeStatus(instanceId, created.get(i).id(), i % 2 == 0 ? "Started" : "Resolved");
        }
        List<Map<String, AttributeValue>> items = deps.client().query(r -> r.tableName(table.tableName())
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("INSTANCE#" + instanceId),
                        ":prefix", AttributeValue.fromS("TICKETCOUNT#")))).items();
        assertThat(items).isNotEmpty();
        for (Map<String, AttributeValue> item : items) {
            deps.client().deleteItem(r -> r.tableName(table.tableName())
                    .key(Map.of("PK", item.get("PK"), "SK", item.get("SK"))));
        }
        return instanceId;
    }

    private static void assertCountsAreExact(String instanceId) {
        List<Ticket> all = new ArrayList<>();
        for (long n = 1; ; n++) {
            var ticket = deps.ticketStore().findByNumber(instanceId, n);
            if (ticket.isEmpty()) {
                break;
            }
            all.add(ticket.get());
        }
        assertThat(count(instanceId, Set.of(), Set.of())).hasValue(all.size());
        for (Status status : Status.values()) {
            for (Priority priority : Priority.values()) {
                assertThat(count(instanceId, Set.of(status), Set.of(priority))).as("%s %s", status, priority)
                        .hasValue(all.stream().filter(t -> t.status() == status && t.priority() == priority).count());
            }
        }
    }

    private static OptionalLong count(String instanceId, Set<Status> statuses, Set<Priority> priorities) {
        return TicketCounts.count(deps.client(), table.tableName(), instanceId, statuses, priorities);
    }

    private static List<Ticket> create(String instanceId, int count) {
        List<Ticket> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode body = Fixtures.referenceExampleJson("create-ticket-example-1.json").deepCopy();
            ((ObjectNode) body.get("ticket")).put("priority", Priority.values()[i % 4].name());
            created.add(deps.ticketService().create(instanceId, body));
        }
        return created;
    }

    private static void changeStatus(String instanceId, String ticket, String status) {
        ObjectNode body = Json.object().put("status", status);
        body.set("user", Json.MAPPER.valueToTree(Map.of("id", "agent-1", "name", "Agent")));
        deps.ticketLifecycleService().changeStatus(instanceId, ticket, body);
    }

    private static void changePriority(String instanceId, String ticket, Priority priority) {
        ObjectNode body = Json.object();
        body.putObject("updates").put("priority", priority.name());
        body.set("user", Fixtures.referenceExampleJson("update-ticket-example.json").get("user"));
        deps.ticketLifecycleService().update(instanceId, ticket, body, OptionalLong.empty());
    }
}
