package dev.ticketing.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.ticketing.Dependencies;
import dev.ticketing.error.ForbiddenException;
import dev.ticketing.json.Json;
import dev.ticketing.service.CreatedInstance;
import dev.ticketing.service.InstanceAdminService;
import dev.ticketing.store.dynamodb.TicketCountsBackfill;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.FlushStageAuthorizersCacheRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The instance commands against the engine (DynamoDB and API Gateway). moto has no FlushStageAuthorizersCache, so
 * the client that must flush sends that one call to a local stub that records it; every other call goes to moto.
 */
@ExtendWith(DynamoDbEngine.class)
class InstanceCommandsIT {

    private static Dependencies deps;
    private static TestTable table;
    private static ApiGatewayClient moto;
    private static ApiGatewayClient motoWithFlushStub;
    private static HttpServer flushStub;
    private static final List<String> FLUSHES = new CopyOnWriteArrayList<>();
    private static String restApiId;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private CreatedInstance instance;

    @BeforeAll
    static void setUp(TestTable testTable) throws IOException {
        table = testTable;
        deps = Fixtures.dependencies(table);
        moto = UsagePlanKeys.client("us-east-1", Optional.of(table.endpoint()));
        restApiId = moto.createRestApi(r -> r.name("ticketing-" + UUID.randomUUID())).id();
        String root = moto.getResources(r -> r.restApiId(restApiId)).items().get(0).id();
        moto.putMethod(r -> r.restApiId(restApiId).resourceId(root).httpMethod("GET").authorizationType("NONE"));
        moto.putIntegration(r -> r.restApiId(restApiId).resourceId(root).httpMethod("GET").type("MOCK"));
        moto.createDeployment(r -> r.restApiId(restApiId).stageName("v1"));

        flushStub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        flushStub.createContext("/", exchange -> {
            FLUSHES.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        flushStub.start();
        URI stub = URI.create("http://127.0.0.1:" + flushStub.getAddress().getPort());
        motoWithFlushStub = ApiGatewayClient.builder()
                .region(moto.serviceClientConfiguration().region())
                .endpointOverride(table.endpoint())
                .credentialsProvider(moto.serviceClientConfiguration().credentialsProvider())
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
                                                            ExecutionAttributes attributes) {
                        if (context.request() instanceof FlushStageAuthorizersCacheRequest) {
                            return context.httpRequest().toBuilder().host(stub.getHost()).port(stub.getPort())
                                    .build();
                        }
                        return context.httpRequest();
                    }
                }))
                .build();
    }

    @AfterAll
    static void tearDown() {
        moto.close();
        motoWithFlushStub.close();
        flushStub.stop(0);
    }

    @BeforeEach
    void createInstance() {
        instance = Fixtures.createDemoInstance(deps);
        FLUSHES.clear();
    }

    @Test
    void listInstances_pagesThroughEveryInstanceInIdOrder() throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(Fixtures.createDemoInstance(deps).instanceId());
        }

        List<String> listed = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            out.reset();
            int status = after.isEmpty() ? run("list-instances", "--limit", "2")
                    : run("list-instances", "--limit", "2", "--after", after.get());
            assertThat(status).isZero();
            JsonNode page = Json.parse(out.toString(StandardCharsets.UTF_8));
            assertThat(page.get("instances").size()).isLessThanOrEqualTo(2);
            page.get("instances").forEach(summary -> listed.add(summary.get("id").asText()));
            assertThat(page.get("instances").findValues("enabled")).allMatch(JsonNode::isBoolean);
            after = Optional.ofNullable(page.get("after")).map(JsonNode::asText);
        } while (after.isPresent());

        assertThat(listed).doesNotHaveDuplicates().isSorted().containsAll(created).contains(instance.instanceId());
        assertThat(err.size()).isZero();
    }

    @Test
    void listInstances_withALimitOutOfRange_exits2_withItsUsage() throws Exception {
        assertThat(run("list-instances", "--limit", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("admin list-instances [--limit N]");
        assertThat(out.size()).isZero();
    }

    @Test
    void showInstance_printsTheDefinition() throws Exception {
        int status = run("show-instance", instance.instanceId());

        assertThat(status).isZero();
        JsonNode shown = Json.parse(out.toString(StandardCharsets.UTF_8));
        assertThat(shown.get("id").asText()).isEqualTo(instance.instanceId());
        assertThat(shown.get("customFields").isArray()).isTrue();
        assertThat(err.size()).isZero();
    }

    @Test
    void showInstance_ofAnUnknownInstance_exits3_withAnErrorOnStandardErrorOnly() throws Exception {
        int status = run("show-instance", UUID.randomUUID().toString());

        assertThat(status).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(Json.parse(err.toString(StandardCharsets.UTF_8)).at("/code").asText()).isNotBlank();
        assertThat(out.size()).isZero();
    }

    @Test
    void disableInstance_refusesItsRequests_andEnableInstanceLetsThemInAgain() throws Exception {
        var customFieldsBefore = deps.instanceStore().find(instance.instanceId()).orElseThrow().customFields();

        assertThat(run("disable-instance", instance.instanceId())).isZero();
        JsonNode disabled = Json.parse(out.toString(StandardCharsets.UTF_8));
        Assertions.assertThatThrownBy(() -> deps.instanceService().get(instance.instanceId()))
                .isInstanceOf(ForbiddenException.class);

        out.reset();
        assertThat(run("enable-instance", instance.instanceId())).isZero();
        JsonNode enabled = Json.parse(out.toString(StandardCharsets.UTF_8));

        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertThat(enabled.get("enabled").asBoolean()).isTrue();
        assertThat(deps.instanceService().get(instance.instanceId()).enabled()).isTrue();
        // Only the flag changed: the definition is otherwise the one created.
        assertThat(deps.instanceStore().find(instance.instanceId()).orElseThrow().customFields())
                .isEqualTo(customFieldsBefore);
        assertThat(err.size()).isZero();
    }

    @Test
    void countTickets_establishesTheCountsOfAnInstanceWithoutThem_andIsANoOpOnceTheyExist() throws Exception {
        deps.ticketService().create(instance.instanceId(),
                Fixtures.referenceExampleJson("create-ticket-example-1.json"));
        deps.client().deleteItem(r -> r.tableName(table.tableName()).key(java.util.Map.of(
                "PK", AttributeValue.fromS("INSTANCE#" + instance.instanceId()),
                "SK", AttributeValue.fromS("TICKETCOUNT#READY"))));

        assertThat(runCounting("count-tickets", instance.instanceId())).isEqualTo(ExitCodes.OK);
        JsonNode first = Json.parse(out.toString(StandardCharsets.UTF_8));
        out.reset();
        assertThat(runCounting("count-tickets", instance.instanceId())).isEqualTo(ExitCodes.OK);
        JsonNode again = Json.parse(out.toString(StandardCharsets.UTF_8));

        assertThat(first.get("tickets").asLong()).isEqualTo(1);
        assertThat(first.get("alreadyReady").asBoolean()).isFalse();
        assertThat(again.get("alreadyReady").asBoolean()).isTrue();
        assertThat(again.get("tickets").asLong()).isEqualTo(1);
        assertThat(err.size()).isZero();
    }

    @Test
    void countTickets_ofAnUnknownInstance_exits3_andWithoutAnId_exits2() throws Exception {
        assertThat(runCounting("count-tickets", UUID.randomUUID().toString())).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(runCounting("count-tickets")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("admin count-tickets <instanceId>");
    }

    @Test
    void disableInstance_ofAnUnknownInstance_exits3() throws Exception {
        assertThat(run("disable-instance", UUID.randomUUID().toString())).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void rotateKey_withTheStage_flushesItsAuthorizerCache_andTheOldKeyStops() throws Exception {
        int status = runWith(motoWithFlushStub, "rotate-key", instance.instanceId(), "primary",
                "--api-id", restApiId, "--stage", "v1");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode printed = Json.parse(out.toString(StandardCharsets.UTF_8));
        assertThat(printed.get("authorizerCacheFlushed").asBoolean()).isTrue();
        assertThat(FLUSHES).containsExactly("DELETE /restapis/" + restApiId + "/stages/v1/cache/authorizers");
        assertThat(deps.authenticator().authenticate(printed.get("key").asText())).isPresent();
        assertThat(deps.authenticator().authenticate(instance.primaryKey())).isEmpty();
        assertThat(err.size()).isZero();
    }

    @Test
    void rotateKey_withAnUnknownStage_exits3_andKeepsTheKey() throws Exception {
        int status = runWith(motoWithFlushStub, "rotate-key", instance.instanceId(), "primary",
                "--api-id", restApiId, "--stage", "no-such-stage");

        assertThat(status).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(deps.authenticator().authenticate(instance.primaryKey())).isPresent();
        assertThat(FLUSHES).isEmpty();
        assertThat(out.size()).isZero();
    }

    @Test
    void rotateKey_whenTheFlushFails_printsTheNewKeyAnyway_andExits5() throws Exception {
        // moto itself does not implement the flush, so it fails here as an unreachable API Gateway would.
        int status = runWith(moto, "rotate-key", instance.instanceId(), "secondary",
                "--api-id", restApiId, "--stage", "v1");

        assertThat(status).isEqualTo(ExitCodes.KEY_ROTATED_CACHE_NOT_FLUSHED);
        JsonNode printed = Json.parse(out.toString(StandardCharsets.UTF_8));
        assertThat(printed.get("authorizerCacheFlushed").asBoolean()).isFalse();
        assertThat(deps.authenticator().authenticate(printed.get("key").asText())).isPresent();
        assertThat(deps.authenticator().authenticate(instance.secondaryKey())).isEmpty();
        assertThat(Json.parse(err.toString(StandardCharsets.UTF_8)).at("/code").asText())
                .isEqualTo("AwsCallFailed");
    }

    @Test
    void rotateKey_withOnlyOneOfApiIdAndStage_exits2() throws Exception {
        assertThat(runWith(moto, "rotate-key", instance.instanceId(), "primary", "--api-id", restApiId))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(deps.authenticator().authenticate(instance.primaryKey())).isPresent();
    }

    @Test
    void flushAuthorizerCache_flushesTheStage() throws Exception {
        assertThat(runWith(motoWithFlushStub, "flush-authorizer-cache", "--api-id", restApiId, "--stage", "v1"))
                .isZero();
        assertThat(FLUSHES).containsExactly("DELETE /restapis/" + restApiId + "/stages/v1/cache/authorizers");
    }

    @Test
    void everyCommand_printsItsUsage_withHelp_onStandardOutput() throws Exception {
        List<String> commands = new ArrayList<>(AdminMain.COMMANDS.keySet());
        commands.addAll(DefinitionCommands.COMMANDS.keySet());
        for (String command : commands) {
            out.reset();
            assertThat(run(command, "--help")).as(command).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(command).contains("admin " + command);
        }
        out.reset();
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("exit status:");
        assertThat(err.size()).isZero();
    }

    @Test
    void anUnknownCommand_exits2_withTheUsage() throws Exception {
        assertThat(run("drop-table")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: admin <command>");
    }

    private int run(String... args) {
        return runWith(moto, args);
    }

    private int runCounting(String... args) {
        return AdminMain.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> new InstanceAdminService(deps.instanceStore()), Optional.empty(), () -> moto,
                () -> new TicketCountsBackfill(deps.client(), table.tableName()));
    }

    private int runWith(ApiGatewayClient apiGateway, String... args) {
        return AdminMain.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> new InstanceAdminService(deps.instanceStore()), Optional.empty(), () -> apiGateway);
    }
}
