package dev.ticketing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.Dependencies;
import dev.ticketing.model.Delivery;
import dev.ticketing.model.DeliveryAttempt;
import dev.ticketing.model.EventType;
import dev.ticketing.model.Webhook;
import dev.ticketing.store.Page;
import dev.ticketing.store.WebhookStore;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The webhook items as stored (pinned attribute by attribute), and the attempts' pages, most recent first. */
@ExtendWith(DynamoDbEngine.class)
class DynamoDbWebhookStoreIT {

    private static final Instant CREATED = Instant.parse("2026-11-28T10:15:30.123Z");
    private static final Instant EXPIRES = Instant.parse("2026-12-28T10:15:30Z");

    private static WebhookStore store;
    private static DynamoDbClient client;
    private static String tableName;

    @BeforeAll
    static void setUp(TestTable table) {
        Dependencies deps = Fixtures.dependencies(table);
        store = deps.webhookStore();
        client = table.client();
        tableName = table.tableName();
    }

    @Test
    void aWebhookItsDeliveryAndAnAttempt_areStoredWithExactlyTheDocumentedAttributes() {
        store.create(new Webhook("inst-pinned", "wh-1", "https://hooks.example.com/t",
                EnumSet.of(EventType.TICKET_CREATED, EventType.COMMENT_ADDED), "whsec_pinned", CREATED));
        store.createDelivery(new Delivery("inst-pinned", "wh-1", "dl-1", "ev-1", EventType.COMMENT_ADDED, "7",
                "{\"id\":\"ev-1\"}", CREATED, EXPIRES));
        store.recordAttempt(new DeliveryAttempt("inst-pinned", "wh-1", "dl-1", "ev-1", EventType.COMMENT_ADDED, 2,
                CREATED, 503, 120, "the receiver answered HTTP 503", DeliveryAttempt.Outcome.retrying,
                CREATED.plusSeconds(120), EXPIRES));

        assertThat(StoredItems.summary(client, tableName, "INSTANCE#inst-pinned#WEBHOOKS", "WEBHOOK#wh-1"))
                .isEqualTo(new TreeMap<>(Map.of("PK", "S:INSTANCE#inst-pinned#WEBHOOKS", "SK", "S:WEBHOOK#wh-1",
                        "type", "S:webhook", "instanceId", "S:inst-pinned", "id", "S:wh-1",
                        "url", "S:https://hooks.example.com/t", "events", "SS:[comment.added, ticket.created]",
                        "secret", "S:whsec_pinned", "createdOn", "S:2026-11-28T10:15:30.123Z")));
        Map<String, String> delivery = new TreeMap<>(Map.of("PK", "S:INSTANCE#inst-pinned#WEBHOOK#wh-1",
                "SK", "S:DELIVERY#dl-1", "type", "S:delivery", "instanceId", "S:inst-pinned", "webhookId", "S:wh-1",
                "deliveryId", "S:dl-1", "eventId", "S:ev-1", "eventType", "S:comment.added", "orderKey", "S:7",
                "body", "S:{\"id\":\"ev-1\"}"));
        delivery.put("createdOn", "S:2026-11-28T10:15:30.123Z");
        delivery.put("expiresAt", "N:" + EXPIRES.getEpochSecond());
        assertThat(StoredItems.summary(client, tableName, "INSTANCE#inst-pinned#WEBHOOK#wh-1", "DELIVERY#dl-1"))
                .isEqualTo(delivery);
        Map<String, String> attempt = new TreeMap<>(Map.of("PK", "S:INSTANCE#inst-pinned#WEBHOOK#wh-1",
                "SK", "S:ATTEMPT#2026-11-28T10:15:30.123Z#dl-1#02", "type", "S:deliveryAttempt",
                "instanceId", "S:inst-pinned", "webhookId", "S:wh-1", "deliveryId", "S:dl-1", "eventId", "S:ev-1",
                "eventType", "S:comment.added", "attempt", "N:2", "attemptedOn", "S:2026-11-28T10:15:30.123Z"));
        attempt.putAll(Map.of("statusCode", "N:503", "durationMs", "N:120",
                "error", "S:the receiver answered HTTP 503", "outcome", "S:retrying",
                "nextAttemptOn", "S:2026-11-28T10:17:30.123Z", "expiresAt", "N:" + EXPIRES.getEpochSecond()));
        assertThat(StoredItems.summary(client, tableName, "INSTANCE#inst-pinned#WEBHOOK#wh-1",
                "ATTEMPT#2026-11-28T10:15:30.123Z#dl-1#02")).isEqualTo(attempt);
    }

    @Test
    void attempts_comeMostRecentFirst_inPagesThatResumeWhereTheLastEnded() {
        for (int i = 0; i < 5; i++) {
            store.recordAttempt(new DeliveryAttempt("inst-pages", "wh-p", "dl-" + i, "ev", EventType.TICKET_UPDATED,
                    1, CREATED.plusSeconds(i), 200, 10, null, DeliveryAttempt.Outcome.succeeded, null, EXPIRES));
        }

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<DeliveryAttempt> page = store.attempts("inst-pages", "wh-p", 2, token);
            page.items().forEach(a -> seen.add(a.deliveryId()));
            token = page.continuationToken().orElse(null);
            pages++;
        } while (token != null);

        assertThat(seen).containsExactly("dl-4", "dl-3", "dl-2", "dl-1", "dl-0");
        assertThat(pages).isEqualTo(3);
        assertThat(store.attempts("other-instance", "wh-p", 10, null).items()).isEmpty();
    }
}
