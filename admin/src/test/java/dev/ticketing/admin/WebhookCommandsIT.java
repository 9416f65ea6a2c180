package dev.ticketing.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.service.InstanceAdminService;
import dev.ticketing.service.WebhookService;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import dev.ticketing.validation.WebhookUrls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The webhook commands: create prints the secret once, list never does, delete removes; URLs checked as by the API. */
@ExtendWith(DynamoDbEngine.class)
class WebhookCommandsIT {

    private static Dependencies deps;
    private static WebhookService webhooks;
    private String instanceId;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void setUp(TestTable table) {
        deps = Fixtures.dependencies(table);
        // Production's rules, with every name resolving to a documentation address (no DNS in tests).
        webhooks = new WebhookService(deps.webhookStore(), delivery -> {
            throw new IllegalStateException("nothing is queued");
        }, new WebhookUrls(false, host -> List.of(InetAddress.getByName(
                host.matches("[0-9.]+") ? host : "203.0.113.10"))), Clock.systemUTC());
    }

    @BeforeEach
    void createInstance() {
        instanceId = Fixtures.createDemoInstance(deps).instanceId();
    }

    @Test
    void createListDelete_printTheWebhook_withTheSecretOnlyWhenCreated() throws Exception {
        assertThat(run("create-webhook", instanceId, "https://hooks.example.com/t", "ticket.created")).isZero();
        JsonNode created = Json.parse(out.toString(StandardCharsets.UTF_8));
        assertThat(created.path("secret").asText()).startsWith("whsec_");
        assertThat(created.path("events").get(0).asText()).isEqualTo("ticket.created");
        out.reset();

        assertThat(run("list-webhooks", instanceId)).isZero();
        JsonNode listed = Json.parse(out.toString(StandardCharsets.UTF_8)).path("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("id").asText()).isEqualTo(created.path("id").asText());
        assertThat(listed.get(0).has("secret")).isFalse();
        out.reset();

        assertThat(run("delete-webhook", instanceId, created.path("id").asText())).isZero();
        assertThat(deps.webhookStore().list(instanceId)).isEmpty();
        assertThat(run("delete-webhook", instanceId, created.path("id").asText())).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void aPrivateUrl_isRefused_naming_url() throws Exception {
        assertThat(run("create-webhook", instanceId, "https://10.0.0.1/hook")).isEqualTo(ExitCodes.REFUSED);

        JsonNode error = Json.parse(err.toString(StandardCharsets.UTF_8));
        assertThat(error.get("details").findValuesAsText("field")).containsExactly("url");
        assertThat(deps.webhookStore().list(instanceId)).isEmpty();
    }

    @Test
    void missingArguments_printTheCommandsUsage() {
        assertThat(run("create-webhook", instanceId)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("admin create-webhook <instanceId> <url>");
    }

    private int run(String... args) {
        return AdminMain.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> new InstanceAdminService(deps.instanceStore()), Optional.empty(), () -> {
                    throw new IllegalStateException("no API Gateway");
                }, () -> {
                    throw new IllegalStateException("no backfill");
                }, () -> webhooks);
    }
}
