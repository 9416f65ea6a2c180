package dev.ticketing.sandbox;

import dev.ticketing.Dependencies;
import dev.ticketing.config.Config;
import dev.ticketing.service.EventDispatchService;
import dev.ticketing.service.RetrySchedule;
import dev.ticketing.service.WebhookDeliveryService;
import dev.ticketing.validation.WebhookUrls;
import dev.ticketing.webhooks.HttpWebhookTransport;
import dev.ticketing.webhooks.QueueDelivery;
import dev.ticketing.webhooks.StreamDispatch;
import dev.ticketing.webhooks.local.LocalQueues;
import dev.ticketing.webhooks.local.QueuePoller;
import dev.ticketing.webhooks.local.StreamPoller;
import dev.ticketing.webhooks.sqs.SqsDeliveryQueue;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The sandbox's webhooks: in one background thread, the dispatcher reads the table's stream (on moto) and the
 * delivery function reads the queue, as Lambda's two event source mappings would. Retries come sooner than in
 * production ({@link #SCHEDULE}), so a failing receiver shows its failure within a minute.
 */
final class WebhookPollers implements AutoCloseable {

    /** Four attempts: 5, 10 and 20 seconds apart. */
    static final RetrySchedule SCHEDULE = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(20)));

    private final DynamoDbStreamsClient streams;
    private final Thread thread;
    private volatile boolean running = true;

    private WebhookPollers(DynamoDbStreamsClient streams, StreamPoller stream, QueuePoller queue) {
        this.streams = streams;
        this.thread = new Thread(() -> {
            while (running) {
                try {
                    stream.pollOnce();
                    // A long poll of one second: also what paces this loop.
                    queue.pollOnce(1);
                } catch (RuntimeException e) {
                    if (running) {
                        System.err.println("webhooks: " + e);
                    }
                }
            }
        }, "sandbox-webhooks");
        thread.setDaemon(true);
    }

    /**
     * The delivery queues on the engine, or empty (with a note) when it serves no SQS, as an engine given by
     * DYNAMODB_ENDPOINT may not: webhooks are then registered but not delivered.
     */
    static Optional<LocalQueues> queues(SqsClient sqs, String tableName) {
        try {
            return Optional.of(LocalQueues.create(sqs, tableName));
        } catch (SdkException e) {
            System.err.println("webhooks: the engine serves no SQS queues (" + e.getClass().getSimpleName()
                    + "); webhooks are not delivered");
            return Optional.empty();
        }
    }

    /**
     * Starts polling, or empty when there are no queues or the table has no stream (a table created elsewhere, such
     * as a test's, which has one only when it asks): then nothing is dispatched.
     */
    static Optional<WebhookPollers> start(URI endpoint, DynamoDbClient dynamoDb, String tableName,
                                          Dependencies dependencies, SqsClient sqs, Optional<LocalQueues> queues) {
        String streamArn = dynamoDb.describeTable(r -> r.tableName(tableName)).table().latestStreamArn();
        if (queues.isEmpty() || streamArn == null) {
            if (streamArn == null) {
                System.err.println("webhooks: table " + tableName + " has no stream; events are not dispatched");
            }
            return Optional.empty();
        }
        return Optional.of(start(endpoint, streamArn, dependencies, sqs, queues.get()));
    }

    private static WebhookPollers start(URI endpoint, String streamArn, Dependencies dependencies, SqsClient sqs,
                                        LocalQueues queues) {
        DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(endpoint)
                .region(Region.of(Config.LOCAL_REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        SqsDeliveryQueue queue = new SqsDeliveryQueue(sqs, queues.queueUrl(), queues.deadLetterUrl());
        StreamDispatch dispatch = new StreamDispatch(new EventDispatchService(dependencies.webhookStore(),
                dependencies.ticketStore(), queue, Clock.systemUTC()));
        QueueDelivery delivery = new QueueDelivery(new WebhookDeliveryService(dependencies.webhookStore(),
                new HttpWebhookTransport(), new WebhookUrls(true, WebhookUrls.Resolver.system()), SCHEDULE,
                Clock.systemUTC()), queue);
        WebhookPollers pollers = new WebhookPollers(streams,
                new StreamPoller(streams, streamArn, dispatch::handle),
                new QueuePoller(sqs, queues.queueUrl(), delivery::handle));
        pollers.thread.start();
        return pollers;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(3).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        streams.close();
    }
}
