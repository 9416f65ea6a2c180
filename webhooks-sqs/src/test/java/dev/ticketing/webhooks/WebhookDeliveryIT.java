package dev.ticketing.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.model.DeliveryAttempt;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.Webhook;
import dev.ticketing.service.EventDispatchService;
import dev.ticketing.service.PageRequest;
import dev.ticketing.service.RetrySchedule;
import dev.ticketing.service.WebhookDeliveryService;
import dev.ticketing.service.WebhookService;
import dev.ticketing.service.WebhookSignatures;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import dev.ticketing.testkit.WithTableStream;
import dev.ticketing.validation.WebhookUrls;
import dev.ticketing.webhooks.local.LocalQueues;
import dev.ticketing.webhooks.local.QueuePoller;
import dev.ticketing.webhooks.local.StreamPoller;
import dev.ticketing.webhooks.sqs.SqsClients;
import dev.ticketing.webhooks.sqs.SqsDeliveryQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Webhooks end to end on the engine: tickets written through the services, the table's stream read by the
 * dispatcher, deliveries through the SQS FIFO queue, POSTed to a real local HTTP receiver. The pollers stand in for
 * Lambda's event source mappings; the retry schedule has zero delays, so a retried message is visible again at once
 * and no test waits for a clock.
 */
@ExtendWith(DynamoDbEngine.class)
@WithTableStream
class WebhookDeliveryIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final RetrySchedule IMMEDIATE = new RetrySchedule(List.of(Duration.ZERO, Duration.ZERO));
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

    private static Dependencies deps;
    private static SqsClient sqs;
    private static DynamoDbStreamsClient streams;
    private static LocalQueues queues;
    private static WebhookService webhooks;
    private static StreamPoller stream;
    private static QueuePoller deliveries;

    @BeforeAll
    static void setUp(TestTable table) {
        deps = Fixtures.dependencies(table);
        sqs = SqsClients.local(table.endpoint());
        streams = DynamoDbStreamsClient.builder().endpointOverride(table.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        queues = LocalQueues.create(sqs, "webhook-it-" + UUID.randomUUID().toString().substring(0, 8));
        SqsDeliveryQueue queue = new SqsDeliveryQueue(sqs, queues.queueUrl(), queues.deadLetterUrl());
        WebhookUrls sandboxUrls = new WebhookUrls(true, WebhookUrls.Resolver.system());
        webhooks = new WebhookService(deps.webhookStore(), queue, sandboxUrls, Clock.systemUTC());
        StreamDispatch dispatch = new StreamDispatch(new EventDispatchService(deps.webhookStore(),
                deps.ticketStore(), queue, Clock.systemUTC()));
        QueueDelivery delivery = new QueueDelivery(new WebhookDeliveryService(deps.webhookStore(),
                new HttpWebhookTransport(), sandboxUrls, IMMEDIATE, Clock.systemUTC()), queue);
        String streamArn = table.client().describeTable(r -> r.tableName(table.tableName())).table()
                .latestStreamArn();
        stream = new StreamPoller(streams, streamArn, dispatch::handle);
        deliveries = new QueuePoller(sqs, queues.queueUrl(), delivery::handle);
    }

    @AfterAll
    static void close() {
        sqs.close();
        streams.close();
    }

    private static String newInstance() {
        return Fixtures.createDemoInstance(deps).instanceId();
    }

    private static Webhook register(String instanceId, String url, String... events) {
        Map<String, Object> body = events.length == 0 ? Map.of("url", url) : Map.of("url", url, "events",
                List.of(events));
        return webhooks.create(instanceId, Json.MAPPER.valueToTree(body));
    }

    private static Ticket createTicket(String instanceId, String title) {
        return deps.ticketService().create(instanceId, Json.MAPPER.valueToTree(Map.of(
                "ticket", Map.of("title", title, "requestor", Map.of("id", "r1", "name", "Pat Doe",
                        "email", "pat@example.com")),
                "user", Map.of("id", "r1", "name", "Pat Doe", "email", "pat@example.com"))));
    }

    /** Dispatches what the stream holds, then runs the delivery function on whatever the queue holds, once. */
    private static void dispatchAndDeliver() {
        stream.drain();
        deliveries.pollOnce(1);
    }

    private static List<DeliveryAttempt> attempts(String instanceId, Webhook webhook) {
        return webhooks.attempts(instanceId, webhook.id(), PageRequest.first(100)).items();
    }

    @Test
    void aCreatedTicket_reachesTheReceiver_signed_andTheSignatureVerifiesWithTheDocumentedRecipe() throws Exception {
        String instance = newInstance();
        try (Receiver receiver = new Receiver()) {
            Webhook webhook = register(instance, receiver.url(), "ticket.created");
            Ticket ticket = createTicket(instance, "Printer jams");

            dispatchAndDeliver();
            Receiver.Request request = receiver.next(WAIT);

            Matcher signature = SIGNATURE.matcher(request.header("X-Ticketing-Signature"));
            assertThat(signature.matches()).as(request.header("X-Ticketing-Signature")).isTrue();
            assertThat(signature.group(2)).isEqualTo(WebhookSignatures.hmac(webhook.secret(),
                    signature.group(1) + "." + request.body()));
            assertThat(Long.parseLong(signature.group(1))).isCloseTo(System.currentTimeMillis() / 1000,
                    org.assertj.core.data.Offset.offset(60L));
            JsonNode event = Json.parse(request.body());
            assertThat(event.path("type").asText()).isEqualTo("ticket.created");
            assertThat(event.path("instanceId").asText()).isEqualTo(instance);
            assertThat(event.path("ticket").path("ticketId").asText()).isEqualTo(Long.toString(ticket.ticketId()));
            assertThat(event.path("ticket").path("title").asText()).isEqualTo("Printer jams");
            assertThat(request.header("X-Ticketing-Event")).isEqualTo("ticket.created");
            assertThat(request.header("X-Ticketing-Event-Id")).isEqualTo(event.path("id").asText());
            assertThat(attempts(instance, webhook)).singleElement().satisfies(attempt -> {
                assertThat(attempt.deliveryId()).isEqualTo(request.header("X-Ticketing-Delivery"));
                assertThat(attempt.statusCode()).isEqualTo(200);
                assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.succeeded);
                assertThat(attempt.nextAttemptOn()).isNull();
            });
        }
    }

    @Test
    void aReceiverAnswering500_isRetriedOnSchedule_thenTheDeliveryLandsInTheDeadLetterQueue_andShowsFailed()
            throws Exception {
        String instance = newInstance();
        try (Receiver receiver = new Receiver()) {
            receiver.answer(500);
            Webhook webhook = register(instance, receiver.url(), "ticket.created");
            createTicket(instance, "Always failing receiver");

            stream.drain();
            List<Receiver.Request> requests = new ArrayList<>();
            for (int attempt = 1; attempt <= IMMEDIATE.maxAttempts(); attempt++) {
                deliveries.pollOnce(1);
                requests.add(receiver.next(WAIT));
            }
            assertThat(deliveries.pollOnce(0)).as("messages left in the queue").isZero();

            assertThat(requests).extracting(r -> r.header("X-Ticketing-Delivery")).containsOnly(
                    requests.get(0).header("X-Ticketing-Delivery"));
            assertThat(requests).extracting(r -> Json.parse(r.body()).path("id").asText())
                    .containsOnly(Json.parse(requests.get(0).body()).path("id").asText());
            List<DeliveryAttempt> attempts = attempts(instance, webhook);
            assertThat(attempts).extracting(DeliveryAttempt::attempt).containsExactly(3, 2, 1);
            assertThat(attempts).extracting(DeliveryAttempt::outcome).containsExactly(
                    DeliveryAttempt.Outcome.failed, DeliveryAttempt.Outcome.retrying,
                    DeliveryAttempt.Outcome.retrying);
            assertThat(attempts).extracting(DeliveryAttempt::statusCode).containsOnly(500);
            assertThat(attempts.get(0).nextAttemptOn()).isNull();
            assertThat(attempts.get(1).nextAttemptOn()).isEqualTo(attempts.get(1).attemptedOn());
            List<Message> dead = sqs.receiveMessage(r -> r.queueUrl(queues.deadLetterUrl())
                    .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            assertThat(dead).extracting(m -> Json.parse(m.body()).path("deliveryId").asText())
                    .containsExactly(requests.get(0).header("X-Ticketing-Delivery"));
        }
    }

    @Test
    void aFailedAttempt_hidesTheMessageForTheScheduledDelay_andRecordsWhenTheNextAttemptIsDue() throws Exception {
        String instance = newInstance();
        RetrySchedule halfHour = new RetrySchedule(List.of(Duration.ofMinutes(30)));
        SqsDeliveryQueue queue = new SqsDeliveryQueue(sqs, queues.queueUrl(), queues.deadLetterUrl());
        QueuePoller slow = new QueuePoller(sqs, queues.queueUrl(), new QueueDelivery(new WebhookDeliveryService(
                deps.webhookStore(), new HttpWebhookTransport(), new WebhookUrls(true, WebhookUrls.Resolver.system()),
                halfHour, Clock.systemUTC()), queue)::handle);
        try (Receiver receiver = new Receiver()) {
            receiver.answer(503);
            Webhook webhook = register(instance, receiver.url(), "ticket.created");
            createTicket(instance, "Receiver down for maintenance");

            stream.drain();
            slow.pollOnce(1);
            receiver.next(WAIT);

            assertThat(slow.pollOnce(0)).as("the retried message is hidden for 30 minutes").isZero();
            assertThat(attempts(instance, webhook)).singleElement().satisfies(attempt -> {
                assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.retrying);
                assertThat(Duration.between(attempt.attemptedOn(), attempt.nextAttemptOn()))
                        .isEqualTo(Duration.ofMinutes(30));
            });
        }
    }

    @Test
    void aRedelivery_arrivesWithTheSameEventId_andANewDeliveryId() throws Exception {
        String instance = newInstance();
        try (Receiver receiver = new Receiver()) {
            Webhook webhook = register(instance, receiver.url());
            createTicket(instance, "Deliver me twice");
            dispatchAndDeliver();
            Receiver.Request first = receiver.next(WAIT);

            webhooks.redeliver(instance, webhook.id(), first.header("X-Ticketing-Delivery"));
            deliveries.pollOnce(1);
            Receiver.Request again = receiver.next(WAIT);

            assertThat(again.header("X-Ticketing-Delivery")).isNotEqualTo(first.header("X-Ticketing-Delivery"));
            assertThat(again.header("X-Ticketing-Event-Id")).isEqualTo(first.header("X-Ticketing-Event-Id"));
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(attempts(instance, webhook)).hasSize(2);
        }
    }

    @Test
    void aCommentAndAStatusChange_makeTheirEvents_deliveredInTheOrderTheyHappened() throws Exception {
        String instance = newInstance();
        try (Receiver receiver = new Receiver()) {
            register(instance, receiver.url());
            Ticket ticket = createTicket(instance, "Lifecycle");
            String number = Long.toString(ticket.ticketId());
            deps.ticketLifecycleService().addComment(instance, number, Json.MAPPER.valueToTree(Map.of(
                    "comment", "Looking into it", "user", Map.of("id", "a1", "name", "Alex Agent"))));
            deps.ticketLifecycleService().changeStatus(instance, number, Json.MAPPER.valueToTree(Map.of(
                    "status", "Resolved", "resolution", "fixed", "user", Map.of("id", "a1", "name", "Alex Agent"))));

            stream.drain();
            List<String> types = new ArrayList<>();
            JsonNode comment = null;
            while (types.size() < 5) {
                if (receiver.pending() == 0) {
                    assertThat(deliveries.pollOnce(1)).as("deliveries after %s", types).isPositive();
                }
                Receiver.Request request = receiver.next(WAIT);
                JsonNode event = Json.parse(request.body());
                types.add(event.path("type").asText());
                if (event.has("comment")) {
                    comment = event.get("comment");
                }
            }

            // A comment moves the ticket's lastUpdatedOn (and firstResponseOn): an update beside the comment, whose
            // two records come from one transaction, in either order.
            assertThat(types.get(0)).isEqualTo("ticket.created");
            assertThat(types.subList(1, 3)).containsExactlyInAnyOrder("comment.added", "ticket.updated");
            assertThat(types.subList(3, 5)).containsExactly("ticket.updated", "ticket.status_changed");
            assertThat(comment).isNotNull();
            assertThat(comment.path("comment").asText()).isEqualTo("Looking into it");
            assertThat(comment.path("ticketNo").asLong()).isEqualTo(ticket.ticketId());
        }
    }

    @Test
    void inProduction_aUrlThatNowResolvesToALoopbackAddress_isNotCalledAtDeliveryTime() throws Exception {
        String instance = newInstance();
        SqsDeliveryQueue queue = new SqsDeliveryQueue(sqs, queues.queueUrl(), queues.deadLetterUrl());
        QueuePoller production = new QueuePoller(sqs, queues.queueUrl(), new QueueDelivery(
                new WebhookDeliveryService(deps.webhookStore(), new HttpWebhookTransport(),
                        new WebhookUrls(false, WebhookUrls.Resolver.system()), new RetrySchedule(List.of()),
                        Clock.systemUTC()), queue)::handle);
        try (Receiver receiver = new Receiver()) {
            // Registered under the sandbox's rules, delivered under production's: as a name re-pointed after
            // registration would be.
            Webhook webhook = register(instance, receiver.url(), "ticket.created");
            createTicket(instance, "Rebinding attempt");

            stream.drain();
            production.pollOnce(1);

            assertThat(receiver.pending()).isZero();
            assertThat(attempts(instance, webhook)).singleElement().satisfies(attempt -> {
                assertThat(attempt.statusCode()).isZero();
                assertThat(attempt.error()).startsWith("not delivered: the URL");
                assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.failed);
            });
        }
    }
}
