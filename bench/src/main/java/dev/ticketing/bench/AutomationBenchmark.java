package dev.ticketing.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.config.Config;
import dev.ticketing.json.Json;
import dev.ticketing.local.dynamodb.DynamoDbCallCounter;
import dev.ticketing.local.dynamodb.LocalDynamoDb;
import dev.ticketing.service.InstanceAdminService;
import dev.ticketing.service.ScheduledAutomation;
import dev.ticketing.service.TicketService;
import dev.ticketing.store.dynamodb.DynamoDbTicketTimers;
import dev.ticketing.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What one run of the scheduled automation costs, against how many tickets exist and how many are due: N tickets
 * with running timers that are not due, then batches of K Urgent tickets whose first-response target has passed,
 * each followed by one run. Prints, per run, the DynamoDB calls by operation and the index items read, counted by an
 * SDK interceptor: the figures of docs/benchmarks-automation.md. Usage: {@code AutomationBenchmark [N] [K...]}.
 */
public final class AutomationBenchmark {

    private static final String TABLE = "bench-automation";
    private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");

    private AutomationBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int[] batches = args.length > 1 ? java.util.Arrays.stream(args, 1, args.length)
                .mapToInt(Integer::parseInt).toArray() : new int[] {0, 1, 10, 100};
        try (LocalDynamoDb engine = LocalDynamoDb.start()) {
            engine.createTable(TABLE);
            DynamoDbCallCounter counter = new DynamoDbCallCounter();
            try (DynamoDbClient counted = engine.newClient(counter)) {
                Dependencies deps = new Dependencies(Config.from(Map.of(Config.TABLE_NAME, TABLE,
                        Config.DYNAMODB_ENDPOINT, engine.endpoint().toString())), counted);
                SettableClock clock = new SettableClock(START);
                String instanceId = new InstanceAdminService(deps.instanceStore())
                        .create(definition(), Optional.empty(), null).instanceId();
                TicketService tickets = new TicketService(deps.ticketStore(), deps.instanceStore(), clock);
                ScheduledAutomation automation = new ScheduledAutomation(deps.ticketStore(), deps.instanceStore(),
                        new DynamoDbTicketTimers(counted, TABLE), clock, ScheduledAutomation.RUN_BUDGET);
                long loading = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    tickets.create(instanceId, ticket("Medium"));
                }
                System.out.printf("engine %s, N = %d tickets with running timers (Medium: first response in 4 h,"
                        + " idle in 2 days), created in %d s%n%n", engine.engine(), n,
                        (System.nanoTime() - loading) / 1_000_000_000);
                System.out.println("| due tickets (K) | Query (timers index) | index items read | GetItem"
                        + " | TransactWriteItems | escalations | run time (ms, moto) |");
                System.out.println("|---|---|---|---|---|---|---|");
                Instant batchStart = START.plus(Duration.ofMinutes(1));
                for (int k : batches) {
                    clock.set(batchStart);
                    for (int i = 0; i < k; i++) {
                        tickets.create(instanceId, ticket("Urgent"));
                    }
                    // Past the Urgent batch's 1-hour target, before the Medium tickets' 4 hours.
                    clock.set(batchStart.plus(Duration.ofMinutes(61)));
                    counter.reset();
                    long started = System.nanoTime();
                    ScheduledAutomation.Run run = automation.run();
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    DynamoDbCallCounter.Snapshot calls = counter.snapshot();
                    System.out.printf("| %d | %d | %d | %d | %d | %d | %d |%n", k, calls.calls("Query"),
                            calls.scannedCount(), calls.calls("GetItem"), calls.calls("TransactWriteItems"),
                            run.escalations(), millis);
                    batchStart = batchStart.plus(Duration.ofMinutes(2));
                }
            }
        }
    }

    private static ObjectNode definition() {
        ObjectNode definition = Json.object().put("name", "Bench helpdesk").put("groupId", "g").put("tenantId", "t")
                .put("teamId", "team").put("channelId", "c").put("isAutoAssignIdleTickets", false)
                .put("isNotifyIdleTicket", true).put("dayBeforeTicketsIdle", 2);
        ObjectNode sla = definition.putObject("sla").put("enabled", true);
        sla.putArray("rules")
                .add(Json.object().put("priority", "Urgent").put("firstResponseHours", 1).put("resolutionHours", 8))
                .add(Json.object().put("priority", "Medium").put("firstResponseHours", 4).put("resolutionHours", 24));
        return definition;
    }

    private static ObjectNode ticket(String priority) {
        ObjectNode body = Json.object();
        ObjectNode requestor = Json.object().put("id", "r-1").put("name", "Rita Requestor")
                .put("email", "rita@example.com");
        body.putObject("ticket").put("title", "Printer jammed").put("priority", priority).set("requestor", requestor);
        body.set("user", requestor);
        return body;
    }
}
