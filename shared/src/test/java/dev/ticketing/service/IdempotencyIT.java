package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.config.Config;
import dev.ticketing.error.ErrorCode;
import dev.ticketing.error.TicketingException;
import dev.ticketing.http.ErrorResponses;
import dev.ticketing.error.NotFoundException;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.Json;
import dev.ticketing.model.ActivityType;
import dev.ticketing.model.Ticket;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.Optional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

@ExtendWith(DynamoDbEngine.class)
class IdempotencyIT {

    private static TicketService tickets;
    private static TicketLifecycleService lifecycle;
    private static Dependencies deps;

    @BeforeAll
    static void setUp(TestTable table) {
        Config config = Config.from(Map.of(Config.TABLE_NAME, table.tableName(),
                Config.DYNAMODB_ENDPOINT, table.endpoint().toString()));
        deps = new Dependencies(config, table.newClient());
        tickets = deps.ticketService();
        lifecycle = deps.ticketLifecycleService();
    }

    @Test
    void createReplays_returnTheFirstResponse_andCreateOneTicket() throws Exception {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();
        String key = UUID.randomUUID().toString();
        JsonNode body = Fixtures.referenceExampleJson("create-ticket-example-1.json");

        Idempotency.Response first = tickets.create(instanceId, body, Optional.of(key),
                t -> new Idempotency.Response(201, Map.of("Location", "/tickets/" + t.ticketId()),
                        Json.write(Json.object().put("ticketId", t.ticketId()))));
        Idempotency.Response repeat = tickets.create(instanceId, body, Optional.of(key),
                t -> Fixtures.created("never rendered"));

        assertThat(first.statusCode()).isEqualTo(201);
        // The whole answer comes back: status, headers and body.
        assertThat(repeat).isEqualTo(first);
        assertThat(repeat.headers()).containsExactly(Map.entry("Location", "/tickets/1"));
        assertThat(tickets.get(instanceId, "1").ticketId()).isEqualTo(1);
        assertThatThrownBy(() -> tickets.get(instanceId, "2")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void concurrentCreateReplays_createOneTicket_andAllGetTheSameResponse() throws Exception {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();
        String key = UUID.randomUUID().toString();
        JsonNode body = Fixtures.referenceExampleJson("create-ticket-example-1.json");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Idempotency.Response>> repeats = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                repeats.add(() -> tickets.create(instanceId, body, Optional.of(key),
                        t -> Fixtures.created("{\"id\":\"" + t.id() + "\"}")));
            }
            Set<Idempotency.Response> responses = new HashSet<>();
            for (Future<Idempotency.Response> done : pool.invokeAll(repeats)) {
                responses.add(done.get());
            }

            assertThat(responses).hasSize(1);
            String createdId = Json.parse(responses.iterator().next().body()).get("id").asText();
            Ticket created = tickets.get(instanceId, createdId);
            // Losing racers consumed ticket numbers but wrote no ticket: exactly one exists.
            long existing = 0;
            for (long n = 1; n <= 10; n++) {
                try {
                    tickets.get(instanceId, Long.toString(n));
                    existing++;
                } catch (NotFoundException absent) {
                    // a number consumed by a request that turned out to be a repeat
                }
            }
            assertThat(existing).isEqualTo(1);
            assertThat(created.id()).isEqualTo(createdId);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void createRepeat_whoseTransactionMeetsTheFirstInFlight_replaysTheFirstResponse(TestTable table)
            throws Exception {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();
        String key = UUID.randomUUID().toString();
        JsonNode body = Fixtures.referenceExampleJson("create-ticket-example-1.json");
        Steps first = new Steps();
        Steps repeat = new Steps();
        repeat.holdInFlight.countDown();
        Dependencies firstClient = Fixtures.dependencies(table, first);
        Dependencies repeatClient = Fixtures.dependencies(table, repeat);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // Both requests get past their idempotency look-up and ticket number before either transaction starts.
            Future<Idempotency.Response> firstResponse = pool.submit(() -> firstClient.ticketService()
                    .create(instanceId, body, Optional.of(key), t -> Fixtures.created("{\"id\":\"" + t.id() + "\"}")));
            first.await(first.atTransaction);
            Future<Idempotency.Response> repeatResponse = pool.submit(() -> repeatClient.ticketService()
                    .create(instanceId, body, Optional.of(key), t -> Fixtures.created("{\"id\":\"" + t.id() + "\"}")));
            repeat.await(repeat.atTransaction);
            // The first transaction is in flight when the repeat's reaches the engine; it ends once that conflicted.
            first.proceed.countDown();
            first.await(first.inFlight);
            repeat.proceed.countDown();
            repeat.await(repeat.conflicted);
            first.holdInFlight.countDown();

            Idempotency.Response created = firstResponse.get(30, TimeUnit.SECONDS);
            assertThat(repeatResponse.get(30, TimeUnit.SECONDS)).isEqualTo(created);
            assertThat(tickets.get(instanceId, Json.parse(created.body()).get("id").asText()).ticketId())
                    .isEqualTo(1);
            assertThatThrownBy(() -> tickets.get(instanceId, "2")).isInstanceOf(NotFoundException.class);
        } finally {
            List.of(first, repeat).forEach(Steps::releaseAll);
            pool.shutdownNow();
        }
    }

    /**
     * Steps one client's first transaction through: announces it, waits to proceed, announces it is in flight (the
     * strict-limits layer has claimed its items), waits to finish; and announces a transaction conflict.
     */
    private static final class Steps implements ExecutionInterceptor {

        final CountDownLatch atTransaction = new CountDownLatch(1);
        final CountDownLatch proceed = new CountDownLatch(1);
        final CountDownLatch inFlight = new CountDownLatch(1);
        final CountDownLatch holdInFlight = new CountDownLatch(1);
        final CountDownLatch conflicted = new CountDownLatch(1);

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof TransactWriteItemsRequest && atTransaction.getCount() > 0) {
                atTransaction.countDown();
                awaitQuietly(proceed);
            }
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.request() instanceof TransactWriteItemsRequest && inFlight.getCount() > 0) {
                inFlight.countDown();
                awaitQuietly(holdInFlight);
            }
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            if (context.exception() instanceof TransactionCanceledException cancelled
                    && cancelled.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()))) {
                conflicted.countDown();
            }
        }

        void await(CountDownLatch latch) throws InterruptedException {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("step reached").isTrue();
        }

        void releaseAll() {
            List.of(atTransaction, proceed, inFlight, holdInFlight, conflicted).forEach(CountDownLatch::countDown);
        }

        private static void awaitQuietly(CountDownLatch latch) {
            try {
                latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void sameKeyWithADifferentBody_answers422_andCreatesNothing() {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();
        String key = UUID.randomUUID().toString();
        ObjectNode body = (ObjectNode) Fixtures.referenceExampleJson("create-ticket-example-1.json");
        tickets.create(instanceId, body, Optional.of(key), t -> Fixtures.created("{}"));
        ((ObjectNode) body.get("ticket")).put("title", "Another ticket");

        assertThatThrownBy(() -> tickets.create(instanceId, body, Optional.of(key), t -> Fixtures.created("{}")))
                .isInstanceOfSatisfying(TicketingException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.IdempotencyKeyReused);
                    assertThat(ErrorResponses.status(e.code())).isEqualTo(422);
                });
        assertThatThrownBy(() -> tickets.get(instanceId, "2")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void keyOrderAndSpacing_doNotMakeADifferentRequest() throws Exception {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();
        String key = UUID.randomUUID().toString();
        JsonNode body = Json.parse("{\"user\": {\"id\": \"u1\"}, \"ticket\": {\"title\": \"T\", "
                + "\"requestor\": {\"id\": \"r1\"}}}");
        JsonNode reordered = Json.parse("{\"ticket\":{\"requestor\":{\"id\":\"r1\"},\"title\":\"T\"},"
                + "\"user\":{\"id\":\"u1\"}}");

        Idempotency.Response first = tickets.create(instanceId, body, Optional.of(key),
                t -> Fixtures.created("{\"n\":" + t.ticketId() + "}"));

        assertThat(tickets.create(instanceId, reordered, Optional.of(key),
                t -> Fixtures.created("other"))).isEqualTo(first);
    }

    @Test
    void invalidKey_answers400_namingTheHeader() {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();

        assertThatThrownBy(() -> tickets.create(instanceId, Fixtures.referenceExampleJson(
                "create-ticket-example-1.json"), Optional.of("has space"), t -> Fixtures.created("{}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Idempotency-Key");
    }

    @Test
    void commentReplays_addOneComment_andAnotherTicketWithTheSameKeyIs422() {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();
        Ticket ticket = tickets.create(instanceId, Fixtures.referenceExampleJson("create-ticket-example-1.json"));
        Ticket other = tickets.create(instanceId, Fixtures.referenceExampleJson("create-ticket-example-1.json"));
        String key = UUID.randomUUID().toString();
        JsonNode body = Fixtures.referenceExampleJson("comment-example.json");

        Idempotency.Response first = lifecycle.addComment(instanceId, ticket.id(), body, Optional.of(key),
                a -> Fixtures.created(a.id()));
        Idempotency.Response repeat = lifecycle.addComment(instanceId, ticket.id(), body, Optional.of(key),
                a -> Fixtures.created("again"));

        assertThat(repeat).isEqualTo(first);
        assertThat(lifecycle.activities(instanceId, ticket.id(), PageRequest.first(100), true).items())
                .filteredOn(a -> a.type() == ActivityType.comment).hasSize(1)
                .first().satisfies(a -> assertThat(a.id()).isEqualTo(first.body()));
        assertThat(tickets.get(instanceId, ticket.id()).version()).isEqualTo(ticket.version() + 1);
        assertThatThrownBy(() -> lifecycle.addComment(instanceId, other.id(), body, Optional.of(key),
                a -> Fixtures.created(a.id())))
                .isInstanceOfSatisfying(TicketingException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.IdempotencyKeyReused));
    }
}
