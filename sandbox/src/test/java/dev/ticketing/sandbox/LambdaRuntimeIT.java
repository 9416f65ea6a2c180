package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.Dependencies;
import dev.ticketing.config.Config;
import dev.ticketing.json.Json;
import dev.ticketing.local.lambda.FunctionArtifacts;
import dev.ticketing.local.lambda.Invocation;
import dev.ticketing.local.lambda.LambdaEnvironment;
import dev.ticketing.local.lambda.LambdaHarness;
import dev.ticketing.local.lambda.LambdaProcess;
import dev.ticketing.local.template.SamTemplate;
import dev.ticketing.local.template.TemplateFunction;
import dev.ticketing.model.Activity;
import dev.ticketing.model.ActivityType;
import dev.ticketing.model.Attachment;
import dev.ticketing.model.Delivery;
import dev.ticketing.model.DeliveryAttempt;
import dev.ticketing.model.EventType;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.Webhook;
import dev.ticketing.store.AttachmentRecord;
import dev.ticketing.store.s3.S3Clients;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import dev.ticketing.webhooks.local.LocalQueues;
import dev.ticketing.webhooks.sqs.SqsClients;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every function of template.yaml, run from its deployment jar under Lambda's own runtime interface client behind
 * the Runtime Interface Emulator (the {@link LambdaHarness}), answers every sample of events/ as the in-process
 * handler tests expect. This is the layer in-process tests skip: the runtime's class loading and event handling.
 */
@ExtendWith(DynamoDbEngine.class)
class LambdaRuntimeIT {

    private static final String TOKEN_SECRET = "runtime-harness-test-secret-0123456789";
    private static final String DEMO_KEY = "sandbox-demo-primary-key-0123456789abcdef";
    private static final String DEMO_INSTANCE = "7d5a3c1e-0b7f-4c4e-9a43-5f0e2d1b9c11";
    private static final String BUCKET = "lambda-runtime-attachments";
    /** The attachment activity of events/list-activity-attachments.json, seeded below. */
    private static final String SAMPLE_ACTIVITY = "5f2b7c1a-3d4e-4f60-8a9b-0c1d2e3f4a5b";
    /** The webhook of events/*-webhook*.json and the delivery of events/redeliver-webhook.json, seeded below. */
    private static final String SAMPLE_WEBHOOK = "3f6c2a7e-8d41-4b9a-9c55-2e7f1d0a6b13";
    private static final String SAMPLE_DELIVERY = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
    private static final String SAMPLE_EVENT = "6b1f0e2d-3c4a-4b5c-9d6e-7f8a9b0c1d2e";

    /** What each sample must produce: the HTTP status (or the authorizer's outcome) and fields of the answer. */
    private static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry("authorizer.json", Expected.answer("/principalId", DEMO_INSTANCE,
                    "/context/instanceId", DEMO_INSTANCE, "/policyDocument/Statement/0/Effect", "Allow")),
            Map.entry("authorizer.refused.json", Expected.error("Unauthorized")),
            Map.entry("create-ticket.json", Expected.status(201, "/item/title", "My first ticket")),
            Map.entry("get-ticket.json", Expected.status(200, "/item/ticketId", "1")),
            Map.entry("list-tickets.json", Expected.status(200, "/items/0/ticketId", "1")),
            Map.entry("update-ticket.json", Expected.status(200, "/item/title", "My 2nd ticket")),
            Map.entry("update-ticket-status.json", Expected.status(200, "/item/status", "Resolved")),
            Map.entry("list-activities.json", Expected.status(200, "/items/0/ticketNo", "1")),
            Map.entry("add-comment.json", Expected.status(201, "/item/comment", "comment from API")),
            Map.entry("get-instance.json", Expected.status(200, "/item/id", DEMO_INSTANCE)),
            Map.entry("list-tags.json", Expected.status(200, "/items/0/text", "Topic")),
            Map.entry("add-attachment.json", Expected.status(201, "/item/attachments/0/caption", "Printer manual")),
            Map.entry("add-attachment.upload.json",
                    Expected.status(201, "/item/attachments/0/filename", "printer-error.log")),
            Map.entry("add-attachment.upload-url.json", Expected.status(201, "/item/method", "PUT")),
            Map.entry("list-attachments.json", Expected.status(200, "/items/0/filename", "runtime-sample.log")),
            Map.entry("list-activity-attachments.json",
                    Expected.status(200, "/items/0/filename", "runtime-sample.log")),
            Map.entry("run-automation.json", Expected.answer("/budgetReached", "false")),
            Map.entry("list-webhooks.json", Expected.status(200, "/items/0/id", SAMPLE_WEBHOOK)),
            Map.entry("create-webhook.json", Expected.status(201, "/item/url", "https://203.0.113.10/ticketing")),
            Map.entry("list-webhook-deliveries.json", Expected.status(200, "/items/0/deliveryId", SAMPLE_DELIVERY)),
            Map.entry("redeliver-webhook.json", Expected.status(202, "/item/eventId", SAMPLE_EVENT)),
            // Both webhooks of the demo instance want ticket.created: two deliveries queued, no failed record.
            Map.entry("dispatch-events.json", Expected.answer("/batchItemFailures/0/itemIdentifier", "")),
            // A delivery that does not exist (any more) is done with: removed from the queue, no failure.
            Map.entry("deliver-webhooks.json", Expected.answer("/batchItemFailures/0/itemIdentifier", "")),
            Map.entry("delete-webhook.json", Expected.status(204)));

    private static final List<String> OUTPUT = new ArrayList<>();
    private static LambdaHarness harness;
    private static Path projectRoot;

    @BeforeAll
    static void seedAndStartHarness(TestTable table) {
        SamTemplate template = SamTemplate.load();
        projectRoot = template.file().getParent();
        Dependencies dependencies = new Dependencies(Config.from(Map.of(Config.TABLE_NAME, table.tableName(),
                Config.DYNAMODB_ENDPOINT, table.endpoint().toString())), table.client());
        DemoInstance.seed(dependencies.instanceStore(), Optional.of(DEMO_KEY));
        Ticket ticket = dependencies.ticketService().create(DEMO_INSTANCE, Json.MAPPER.valueToTree(Map.of(
                "ticket", Map.of("title", "Seeded ticket", "requestor", Map.of("id", "r1", "name", "Pat Doe",
                        "email", "pat@example.com")),
                "user", Map.of("id", "r1", "name", "Pat Doe", "email", "pat@example.com"))));
        seedAttachmentActivity(dependencies, ticket);
        seedWebhook(dependencies, ticket);
        LocalQueues queues;
        try (SqsClient sqs = SqsClients.local(table.endpoint())) {
            queues = LocalQueues.create(sqs, "lambda-runtime");
        }
        try (S3Client s3 = S3Clients.local(table.endpoint())) {
            s3.createBucket(r -> r.bucket(BUCKET));
        }
        BiConsumer<String, String> log = (function, line) -> {
            synchronized (OUTPUT) {
                OUTPUT.add(line);
            }
        };
        harness = LambdaHarness.forTemplate(template,
                withQueues(Config.localFunctionEnvironment(table.endpoint(), table.tableName(), TOKEN_SECRET, BUCKET),
                        queues.environment(table.endpoint())),
                LambdaHarness.Artifacts.MAVEN, log);
    }

    /** An attachment activity under the fixed id of its sample (the service would choose a random one). */
    private static void seedAttachmentActivity(Dependencies dependencies, Ticket ticket) {
        Activity activity = new Activity(DEMO_INSTANCE, ticket.ticketId(), ticket.id(), SAMPLE_ACTIVITY,
                ActivityType.comment, ticket.createdBy(), ticket.createdOn().plusMillis(1),
                Json.object().put("comment", "Seeded"));
        dependencies.attachmentStore().record(new AttachmentRecord(ticket, ticket.version(), activity, List.of(
                Attachment.file(activity, 0, "0c9f2e4d-1b3a-4c5d-8e7f-6a5b4c3d2e1f", "runtime-sample.log",
                        "text/plain", 12, false)), null));
    }

    /** The webhook and the delivery the webhook samples name, under their fixed ids, with one attempt made. */
    private static void seedWebhook(Dependencies dependencies, Ticket ticket) {
        Instant now = Instant.now();
        dependencies.webhookStore().create(new Webhook(DEMO_INSTANCE, SAMPLE_WEBHOOK, "https://203.0.113.10/seeded",
                EnumSet.allOf(EventType.class), "whsec_runtime-sample-secret", now));
        dependencies.webhookStore().createDelivery(new Delivery(DEMO_INSTANCE, SAMPLE_WEBHOOK, SAMPLE_DELIVERY,
                SAMPLE_EVENT, EventType.TICKET_CREATED, Long.toString(ticket.ticketId()), "{}", now,
                now.plus(Duration.ofDays(1))));
        dependencies.webhookStore().recordAttempt(new DeliveryAttempt(DEMO_INSTANCE, SAMPLE_WEBHOOK, SAMPLE_DELIVERY,
                SAMPLE_EVENT, EventType.TICKET_CREATED, 1, now, 500, 12, "the receiver answered HTTP 500",
                DeliveryAttempt.Outcome.retrying, now.plusSeconds(30), now.plus(Duration.ofDays(1))));
    }

    private static Map<String, String> withQueues(Map<String, String> environment, Map<String, String> queues) {
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(queues);
        return Map.copyOf(all);
    }

    @AfterAll
    static void stopHarness() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void everySampleInEvents_hasAnExpectation_andEveryFunctionHasASample() throws IOException {
        List<String> samples;
        try (Stream<Path> files = Files.list(projectRoot.resolve("events"))) {
            samples = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .sorted().toList();
        }

        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(samples);
        for (TemplateFunction function : harness.functions()) {
            assertThat(samplesOf(function)).as("samples of %s", function.logicalId()).isNotEmpty();
        }
    }

    @Test
    void aHandlerWhoseConstructorFails_answersEveryInvocationWithLambdasError_asTheManagedRuntimeDoes()
            throws IOException {
        TemplateFunction function = harness.function("GetTicketFunction");
        Path taskRoot = FunctionArtifacts.fromMavenBuild(projectRoot, function, "deployed", List.of());
        Map<String, String> withoutTable = new HashMap<>(
                Config.localFunctionEnvironment(URI.create("http://127.0.0.1:9"), "unused", TOKEN_SECRET));
        withoutTable.put(Config.TABLE_NAME, "");
        byte[] event = Files.readAllBytes(projectRoot.resolve("events/get-ticket.json"));

        List<String> log = new CopyOnWriteArrayList<>();
        try (LambdaProcess process = LambdaProcess.start(harness.runtime(), function, taskRoot,
                LambdaEnvironment.of(function, taskRoot, withoutTable), List.of(), (name, line) -> log.add(line))) {
            Invocation first = process.invoke(event, "constructor-fails-1");
            Invocation second = process.invoke(event, "constructor-fails-2");

            assertThat(first.error()).isPresent();
            assertThat(second.error()).isPresent();
            // The cause reaches the function's log, where an operator looks for it.
            assertThat(String.join("\n", log)).contains("Environment variable " + Config.TABLE_NAME + " is not set");
        }
    }

    /** One dynamic test per function of the template, in template order (the create runs before the reads). */
    @TestFactory
    Stream<DynamicTest> everyFunction_answersItsSamples_underTheLambdaRuntimeClient() {
        return harness.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            try (LambdaProcess process = harness.start(function.logicalId())) {
                boolean first = true;
                for (String sample : samplesOf(function)) {
                    Invocation invocation = process.invoke(Files.readAllBytes(projectRoot.resolve("events/" + sample)),
                            function.logicalId() + "-" + sample);

                    EXPECTED.get(sample).check(function.logicalId() + " " + sample, invocation, output());
                    if (first) {
                        assertThat(invocation.initDurationMs()).as("INIT REPORT of the first invocation").isPresent();
                        first = false;
                    }
                    assertThat(invocation.durationMs()).as("REPORT of %s", sample).isPresent();
                }
            }
        }));
    }

    /**
     * The function's samples: events/&lt;module&gt;.json and events/&lt;module&gt;.&lt;variant&gt;.json, where the
     * module is the last part of its CodeUri.
     */
    private static List<String> samplesOf(TemplateFunction function) {
        String module = function.codeUri().getFileName().toString();
        return EXPECTED.keySet().stream()
                .filter(name -> name.equals(module + ".json") || name.startsWith(module + "."))
                .sorted().toList();
    }

    private static String output() {
        synchronized (OUTPUT) {
            return String.join("\n", OUTPUT.subList(Math.max(0, OUTPUT.size() - 40), OUTPUT.size()));
        }
    }

    private record Expected(Integer status, String errorMessage, List<String> pointersAndValues) {

        static Expected status(int status, String... pointersAndValues) {
            return new Expected(status, null, List.of(pointersAndValues));
        }

        static Expected answer(String... pointersAndValues) {
            return new Expected(null, null, List.of(pointersAndValues));
        }

        static Expected error(String errorMessage) {
            return new Expected(null, errorMessage, List.of());
        }

        void check(String what, Invocation invocation, String output) throws IOException {
            if (errorMessage != null) {
                assertThat(invocation.error()).as("%s: Lambda error; output:%n%s", what, output).isPresent();
                assertThat(invocation.error().get().errorMessage()).isEqualTo(errorMessage);
                return;
            }
            assertThat(invocation.error()).as("%s: no Lambda error; output:%n%s", what, output).isEmpty();
            JsonNode answer = Json.MAPPER.readTree(invocation.payload());
            JsonNode checked = answer;
            if (status != null) {
                assertThat(answer.path("statusCode").asInt()).as("%s: statusCode of %s", what, answer)
                        .isEqualTo(status);
                checked = Json.parse(answer.path("body").asText());
            }
            for (int i = 0; i < pointersAndValues.size(); i += 2) {
                assertThat(checked.at(pointersAndValues.get(i)).asText()).as("%s: %s of %s", what,
                        pointersAndValues.get(i), checked).isEqualTo(pointersAndValues.get(i + 1));
            }
        }
    }
}
