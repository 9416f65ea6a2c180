package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.Dependencies;
import dev.ticketing.error.ConflictException;
import dev.ticketing.error.ErrorCode;
import dev.ticketing.error.FieldError;
import dev.ticketing.error.NotFoundException;
import dev.ticketing.error.ValidationException;
import dev.ticketing.http.WebhookJson;
import dev.ticketing.json.Json;
import dev.ticketing.model.Delivery;
import dev.ticketing.model.EventType;
import dev.ticketing.model.Webhook;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import dev.ticketing.validation.WebhookUrls;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The webhook routes' service on the engine, with production's URL rules and a fixed resolver (no DNS here):
 * validation names the field, a private address is refused, the secret is shown once, and one instance's key
 * neither sees nor deletes another's webhooks.
 */
@ExtendWith(DynamoDbEngine.class)
class WebhookServiceIT {

    private static final String A = UUID.randomUUID().toString();
    private static final String B = UUID.randomUUID().toString();
    /** Public names resolve to a documentation address; internal.example.com to a private one. */
    private static final WebhookUrls.Resolver RESOLVER = host -> {
        if (host.equals("internal.example.com")) {
            return List.of(InetAddress.getByName("10.0.0.7"));
        }
        if (host.endsWith(".example.com") || host.matches("[0-9.]+")) {
            return List.of(InetAddress.getByName(host.matches("[0-9.]+") ? host : "203.0.113.10"));
        }
        throw new UnknownHostException(host);
    };

    private static Dependencies deps;
    private static WebhookService service;
    private static final List<Delivery> QUEUED = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void setUp(TestTable table) {
        deps = Fixtures.dependencies(table);
        service = new WebhookService(deps.webhookStore(), QUEUED::add, new WebhookUrls(false, RESOLVER),
                Clock.systemUTC());
    }

    private static JsonNode body(Object... fieldsAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            body.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return Json.MAPPER.valueToTree(body);
    }

    private static List<FieldError> errorsOf(String instanceId, JsonNode body) {
        try {
            service.create(instanceId, body);
        } catch (ValidationException e) {
            return e.details();
        }
        throw new AssertionError("expected a ValidationException");
    }

    @Test
    void create_returnsTheSecretOnce_andTheListNeverShowsIt() {
        String instance = UUID.randomUUID().toString();
        Webhook created = service.create(instance, body("url", "https://hooks.example.com/t",
                "events", List.of("ticket.created")));

        assertThat(created.secret()).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(created.events()).containsExactly(EventType.TICKET_CREATED);
        assertThat(service.list(instance)).singleElement()
                .satisfies(listed -> assertThat(listed.id()).isEqualTo(created.id()));
        assertThat(WebhookJson.webhook(service.list(instance).get(0), false).has("secret"))
                .isFalse();
    }

    @Test
    void create_withoutEvents_subscribesToEveryType() {
        Webhook created = service.create(UUID.randomUUID().toString(), body("url", "https://hooks.example.com/all"));

        assertThat(created.events()).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void aPrivateAddress_isA400NamingUrl() {
        for (String url : List.of("https://internal.example.com/hook", "https://10.1.2.3/hook",
                "https://127.0.0.1/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook",
                "https://0.0.0.0/hook", "https://224.0.0.1/hook")) {
            assertThat(errorsOf(A, body("url", url))).as(url).extracting(FieldError::field).containsExactly("url");
        }
    }

    @Test
    void plainHttp_anUnresolvableHost_orAFragment_areA400NamingUrl_inProduction() {
        for (String url : List.of("http://hooks.example.com/hook", "https://no-such-host.invalid/hook",
                "ftp://hooks.example.com/x", "https://hooks.example.com/hook#part", "not a url")) {
            assertThat(errorsOf(A, body("url", url))).as(url).extracting(FieldError::field).containsExactly("url");
        }
    }

    @Test
    void unknownFields_unknownEventTypes_andAMissingUrl_areEachNamed() {
        assertThat(errorsOf(A, body("url", "https://hooks.example.com/x", "secret", "mine")))
                .extracting(FieldError::field).containsExactly("secret");
        assertThat(errorsOf(A, body("url", "https://hooks.example.com/x", "events", List.of("ticket.created",
                "ticket.deleted")))).extracting(FieldError::field).containsExactly("events[1]");
        assertThat(errorsOf(A, body("url", "https://hooks.example.com/x", "events", List.of())))
                .extracting(FieldError::field).containsExactly("events");
        assertThat(errorsOf(A, body("events", List.of("ticket.created")))).extracting(FieldError::field)
                .containsExactly("url");
    }

    @Test
    void oneInstancesKey_neitherSeesNorDeletesNorReadsTheDeliveriesOfAnothersWebhook() {
        Webhook ofA = service.create(A, body("url", "https://hooks.example.com/a"));

        assertThat(service.list(B)).extracting(Webhook::id).doesNotContain(ofA.id());
        assertThatThrownBy(() -> service.delete(B, ofA.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.attempts(B, ofA.id(), PageRequest.first(10)))
                .isInstanceOf(NotFoundException.class);
        assertThat(service.list(A)).extracting(Webhook::id).contains(ofA.id());

        service.delete(A, ofA.id());
        assertThat(service.list(A)).extracting(Webhook::id).doesNotContain(ofA.id());
        assertThatThrownBy(() -> service.delete(A, ofA.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void redeliver_queuesTheSameEvent_underANewDeliveryId_andAnUnknownDeliveryIs404() {
        String instance = UUID.randomUUID().toString();
        Webhook webhook = service.create(instance, body("url", "https://hooks.example.com/r"));
        Instant now = Instant.now();
        Delivery first = new Delivery(instance, webhook.id(), UUID.randomUUID().toString(), "event-1",
                EventType.COMMENT_ADDED, "7", "{\"id\":\"event-1\"}", now, now.plusSeconds(3600));
        deps.webhookStore().createDelivery(first);

        Delivery again = service.redeliver(instance, webhook.id(), first.deliveryId());

        assertThat(again.deliveryId()).isNotEqualTo(first.deliveryId());
        assertThat(again.eventId()).isEqualTo("event-1");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(QUEUED).contains(again);
        assertThat(deps.webhookStore().findDelivery(instance, webhook.id(), again.deliveryId()))
                .hasValueSatisfying(stored -> assertThat(stored.eventId()).isEqualTo("event-1"));
        assertThatThrownBy(() -> service.redeliver(instance, webhook.id(), UUID.randomUUID().toString()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.redeliver(B, webhook.id(), first.deliveryId()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anInstance_hasAtMostTenWebhooks() {
        String instance = UUID.randomUUID().toString();
        for (int i = 0; i < WebhookService.MAX_WEBHOOKS; i++) {
            service.create(instance, body("url", "https://hooks.example.com/" + i));
        }

        assertThatThrownBy(() -> service.create(instance, body("url", "https://hooks.example.com/11")))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.WebhookLimitReached));
    }
}
