package dev.ticketing.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.service.InstanceAdminService;
import dev.ticketing.store.ApiKeyOwner;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.UsagePlanKey;

/** The admin tool against the engine's API Gateway emulation (moto and LocalStack both provide one). */
@ExtendWith(DynamoDbEngine.class)
class UsagePlanKeysIT {

    private static Dependencies deps;
    private static ApiGatewayClient apiGateway;
    private static String usagePlanId;

    @BeforeAll
    static void setUp(TestTable table) {
        deps = Fixtures.dependencies(table);
        apiGateway = UsagePlanKeys.client("us-east-1", Optional.of(table.endpoint()));
        usagePlanId = apiGateway.createUsagePlan(r -> r.name("plan-" + UUID.randomUUID())
                .throttle(t -> t.burstLimit(100).rateLimit(100.0 / 60))).id();
    }

    @AfterAll
    static void closeClient() {
        apiGateway.close();
    }

    @Test
    void createInstance_withAUsagePlan_attachesANewKey_andTheAuthorizerReturnsItsValue() throws Exception {
        JsonNode printed = createInstance(Optional.of(new UsagePlanKeys(apiGateway, usagePlanId)));

        List<UsagePlanKey> planKeys = apiGateway.getUsagePlanKeys(r -> r.usagePlanId(usagePlanId)).items();
        assertThat(planKeys).hasSize(1);
        String keyValue = planKeys.get(0).value();
        assertThat(keyValue).hasSizeGreaterThanOrEqualTo(32);
        for (String field : List.of("primaryKey", "secondaryKey")) {
            Optional<ApiKeyOwner> owner = deps.authenticator().authenticate(printed.get(field).asText());
            assertThat(owner).isPresent();
            assertThat(owner.get().instanceId()).isEqualTo(printed.get("instanceId").asText());
            assertThat(owner.get().usageIdentifierKey()).isEqualTo(keyValue);
        }
        assertThat(apiGateway.getApiKey(r -> r.apiKey(planKeys.get(0).id())).name())
                .isEqualTo("instance-" + printed.get("instanceId").asText());
    }

    @Test
    void createInstance_withoutAUsagePlan_storesNoUsageKey() throws Exception {
        JsonNode printed = createInstance(Optional.empty());

        assertThat(deps.authenticator().authenticate(printed.get("primaryKey").asText()).orElseThrow()
                .usageIdentifierKey()).isNull();
    }

    private static JsonNode createInstance(Optional<UsagePlanKeys> usagePlan) throws Exception {
        var definition = Fixtures.demoDefinition();
        definition.put("id", UUID.randomUUID().toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AdminMain.run(new String[] {"create-instance", "-"},
                new ByteArrayInputStream(Json.write(definition).getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> new InstanceAdminService(deps.instanceStore()), usagePlan);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return Json.parse(out.toString(StandardCharsets.UTF_8));
    }
}
