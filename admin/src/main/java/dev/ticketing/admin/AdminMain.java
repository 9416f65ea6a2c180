package dev.ticketing.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.config.Config;
import dev.ticketing.error.ErrorBodies;
import dev.ticketing.error.TicketingException;
import dev.ticketing.error.NotFoundException;
import dev.ticketing.http.InstanceJson;
import dev.ticketing.json.Json;
import dev.ticketing.model.Instance;
import dev.ticketing.service.CreatedInstance;
import dev.ticketing.service.InstanceAdminService;
import dev.ticketing.service.WebhookService;
import dev.ticketing.store.ApiKeySlot;
import dev.ticketing.store.InstancePage;
import dev.ticketing.store.dynamodb.DynamoDbClients;
import dev.ticketing.store.dynamodb.TicketCountsBackfill;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * The operators' command-line tool: instances, keys, custom fields and tags. Talks to the table named by
 * TABLE_NAME, at DYNAMODB_ENDPOINT when set (the sandbox, moto, LocalStack) or in AWS_REGION otherwise. Prints JSON
 * on standard output, and on standard error only errors; exits with one of {@link ExitCodes}.
 */
public final class AdminMain {

    static final int DEFAULT_LIST_LIMIT = 100;
    static final int MAX_LIST_LIMIT = 1000;

    /** Each command's usage, shown by {@code admin <command> --help} and, all together, by {@code admin --help}. */
    static final Map<String, String> COMMANDS = commands();

    static final String USAGE = String.join("\n",
            "usage: admin <command> [arguments]      (admin <command> --help for one command)",
            String.join("\n", COMMANDS.values()),
            DefinitionCommands.USAGE,
            WebhookCommands.USAGE,
            "environment: TABLE_NAME (required), DYNAMODB_ENDPOINT, AWS_REGION, USAGE_PLAN_ID,",
            "             APIGATEWAY_ENDPOINT (a local API Gateway emulation such as moto)",
            "exit status: 0 done, 1 refused (invalid or conflicting), 2 usage, 3 not found, 4 AWS call failed,",
            "             5 key rotated but authorizer cache not flushed (docs/operations.md)");

    private AdminMain() {
    }

    private static Map<String, String> commands() {
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("create-instance", String.join("\n",
                "  admin create-instance <definition.json | -> [--primary-key KEY]",
                "      creates an instance from an IInstance definition (plus tagCategories) and prints",
                "      {\"instanceId\", \"primaryKey\", \"secondaryKey\"}; with USAGE_PLAN_ID set (the stack's",
                "      UsagePlanId output) it also creates the instance's API Gateway key on that usage plan,",
                "      which a deployed API requires"));
        commands.put("list-instances", String.join("\n",
                "  admin list-instances [--limit N] [--after INSTANCE_ID]",
                "      prints {\"instances\": [{\"id\", \"name\", \"enabled\"}...], \"after\"} in id order, N (1-"
                        + MAX_LIST_LIMIT + ", default " + DEFAULT_LIST_LIMIT + ") per page;",
                "      pass \"after\" as --after for the next page (absent on the last page)"));
        commands.put("show-instance", String.join("\n",
                "  admin show-instance <instanceId>",
                "      prints the instance's IInstance definition"));
        commands.put("enable-instance", String.join("\n",
                "  admin enable-instance <instanceId>",
                "      lets the instance's keys in again; prints {\"id\", \"name\", \"enabled\"}"));
        commands.put("disable-instance", String.join("\n",
                "  admin disable-instance <instanceId>",
                "      refuses the instance's requests with 403 from now on; its data stays"));
        commands.put("rotate-key", String.join("\n",
                "  admin rotate-key <instanceId> <primary | secondary> [--api-id API_ID --stage STAGE]",
                "      issues a new key for that slot and prints it; the old key is deleted at once, but API Gateway",
                "      keeps accepting it until its cached authorizer answer expires (up to 300 s) unless --api-id",
                "      and --stage (the stack's ApiId and StageName outputs) are given: then the stage's authorizer",
                "      cache is flushed too, so the old key stops at once"));
        commands.put("count-tickets", String.join("\n",
                "  admin count-tickets <instanceId>",
                "      establishes the ticket counts of an instance created before they existed, so that GET",
                "      /tickets gives itemCount from them; safe while the instance is in use, and to run again.",
                "      Prints {\"instanceId\", \"tickets\", \"alreadyReady\"} (docs/data-model.md, Ticket counts)"));
        commands.put("flush-authorizer-cache", String.join("\n",
                "  admin flush-authorizer-cache --api-id API_ID --stage STAGE",
                "      flushes the stage's authorizer cache (after rotate-key exited with 5)"));
        return commands;
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        Optional<URI> apiGatewayEndpoint = Optional.ofNullable(env.get("APIGATEWAY_ENDPOINT"))
                .filter(e -> !e.isBlank()).map(URI::create);
        String region = env.getOrDefault("AWS_REGION", "us-east-1");
        Supplier<ApiGatewayClient> apiGateway = memoized(() -> UsagePlanKeys.client(region, apiGatewayEndpoint));
        Optional<UsagePlanKeys> usagePlan = Optional.ofNullable(env.get("USAGE_PLAN_ID"))
                .filter(id -> !id.isBlank())
                .map(id -> new UsagePlanKeys(apiGateway.get(), id));
        // The admin tool never lists tickets, so it needs no continuation-token secret.
        Supplier<Dependencies> dependencies = memoized(() -> {
            Config config = Config.fromEnvironment();
            return new Dependencies(config, DynamoDbClients.create(config));
        });
        Supplier<InstanceAdminService> service = memoized(() ->
                new InstanceAdminService(dependencies.get().instanceStore()));
        Supplier<TicketCountsBackfill> counts = memoized(() -> new TicketCountsBackfill(dependencies.get().client(),
                dependencies.get().config().tableName()));
        // The webhook commands queue nothing (no redelivery here), so the tool carries no SQS client.
        Supplier<WebhookService> webhooks = memoized(() -> dependencies.get().webhookService());
        System.exit(run(args, System.in, System.out, System.err, service, usagePlan, apiGateway, counts, webhooks));
    }

    /** Runs one command without a usage plan (local engines: the sandbox does not need one). */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
                          Supplier<InstanceAdminService> service) {
        return run(args, in, out, err, service, Optional.empty());
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
                          Supplier<InstanceAdminService> service, Optional<UsagePlanKeys> usagePlan) {
        return run(args, in, out, err, service, usagePlan, () -> {
            throw new IllegalStateException("no API Gateway client");
        });
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
                          Supplier<InstanceAdminService> service, Optional<UsagePlanKeys> usagePlan,
                          Supplier<ApiGatewayClient> apiGateway) {
        return run(args, in, out, err, service, usagePlan, apiGateway, () -> {
            throw new IllegalStateException("no ticket counts backfill");
        });
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
                          Supplier<InstanceAdminService> service, Optional<UsagePlanKeys> usagePlan,
                          Supplier<ApiGatewayClient> apiGateway, Supplier<TicketCountsBackfill> counts) {
        return run(args, in, out, err, service, usagePlan, apiGateway, counts, () -> {
            throw new IllegalStateException("no webhook service");
        });
    }

    /** Runs one command; returns the process exit status. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
                          Supplier<InstanceAdminService> service, Optional<UsagePlanKeys> usagePlan,
                          Supplier<ApiGatewayClient> apiGateway, Supplier<TicketCountsBackfill> counts,
                          Supplier<WebhookService> webhooks) {
        if (args.length == 0) {
            err.println(USAGE);
            return ExitCodes.USAGE;
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (command.equals("--help") || command.equals("help")) {
            out.println(USAGE);
            return ExitCodes.OK;
        }
        if (Arrays.asList(rest).contains("--help")) {
            String usage = COMMANDS.get(command);
            if (usage == null && DefinitionCommands.handles(command)) {
                usage = DefinitionCommands.usage(command);
            }
            if (usage == null && WebhookCommands.handles(command)) {
                usage = WebhookCommands.COMMANDS.get(command);
            }
            if (usage == null) {
                return unknown(command, err);
            }
            out.println("usage:\n" + usage);
            return ExitCodes.OK;
        }
        try {
            switch (command) {
                case "create-instance":
                    return createInstance(rest, in, out, err, service.get(), usagePlan);
                case "list-instances":
                    return listInstances(rest, out, err, service.get());
                case "show-instance":
                    return withInstanceId(command, rest, err, id -> out.println(Json.write(
                            InstanceJson.instance(service.get().show(id)))));
                case "enable-instance":
                case "disable-instance":
                    return withInstanceId(command, rest, err, id -> out.println(Json.write(summary(
                            service.get().setEnabled(id, command.equals("enable-instance"))))));
                case "rotate-key":
                    return rotateKey(rest, out, err, service.get(), apiGateway);
                case "flush-authorizer-cache":
                    return flushAuthorizerCache(rest, out, err, apiGateway);
                case "count-tickets":
                    return countTickets(rest, out, err, service.get(), counts);
                default:
                    if (DefinitionCommands.handles(command)) {
                        return DefinitionCommands.run(command, rest, in, out, err, service.get());
                    }
                    if (WebhookCommands.handles(command)) {
                        return WebhookCommands.run(command, rest, out, err, webhooks.get());
                    }
                    return unknown(command, err);
            }
        } catch (NotFoundException e) {
            err.println(Json.write(ErrorBodies.of(e)));
            return ExitCodes.NOT_FOUND;
        } catch (TicketingException e) {
            err.println(Json.write(ErrorBodies.of(e)));
            return ExitCodes.REFUSED;
        } catch (software.amazon.awssdk.services.apigateway.model.NotFoundException e) {
            err.println(Json.write(error("NotFound", "API Gateway: " + e.awsErrorDetails().errorMessage())));
            return ExitCodes.NOT_FOUND;
        } catch (SdkException e) {
            err.println(Json.write(awsCallFailed(e)));
            return ExitCodes.AWS_CALL_FAILED;
        } catch (IOException e) {
            err.println(Json.write(error("Unreadable", "cannot read the definition: " + e.getMessage())));
            return ExitCodes.REFUSED;
        } catch (IllegalStateException e) {
            // Missing configuration, such as TABLE_NAME.
            err.println(Json.write(error("Configuration", e.getMessage())));
            return ExitCodes.USAGE;
        }
    }

    private static int unknown(String command, PrintStream err) {
        err.println("unknown command '" + command + "'\n" + USAGE);
        return ExitCodes.USAGE;
    }

    private static int usage(String command, PrintStream err) {
        err.println("usage:\n" + COMMANDS.get(command));
        return ExitCodes.USAGE;
    }

    private interface InstanceCommand {
        void run(String instanceId);
    }

    private static int withInstanceId(String command, String[] args, PrintStream err, InstanceCommand action) {
        if (args.length != 1 || args[0].startsWith("--")) {
            return usage(command, err);
        }
        action.run(args[0]);
        return ExitCodes.OK;
    }

    private static int createInstance(String[] args, InputStream in, PrintStream out, PrintStream err,
                                      InstanceAdminService service, Optional<UsagePlanKeys> usagePlan)
            throws IOException {
        if (args.length != 1 && !(args.length == 3 && "--primary-key".equals(args[1]))) {
            return usage("create-instance", err);
        }
        byte[] bytes = "-".equals(args[0]) ? in.readAllBytes() : Files.readAllBytes(Path.of(args[0]));
        JsonNode definition = Json.MAPPER.readTree(bytes);
        Optional<String> primaryKey = args.length == 3 ? Optional.of(args[2]) : Optional.empty();
        CreatedInstance created = service.createWithUsageKey(definition, primaryKey,
                instanceId -> usagePlan.map(plan -> plan.issue(instanceId)).orElse(null));
        ObjectNode result = Json.object();
        result.put("instanceId", created.instanceId());
        result.put("primaryKey", created.primaryKey());
        result.put("secondaryKey", created.secondaryKey());
        out.println(Json.write(result));
        return ExitCodes.OK;
    }

    private static int listInstances(String[] args, PrintStream out, PrintStream err, InstanceAdminService service) {
        Optional<Map<String, String>> options = options(args, List.of("--limit", "--after"));
        if (options.isEmpty()) {
            return usage("list-instances", err);
        }
        int limit;
        try {
            limit = Integer.parseInt(options.get().getOrDefault("--limit", Integer.toString(DEFAULT_LIST_LIMIT)));
        } catch (NumberFormatException e) {
            return usage("list-instances", err);
        }
        if (limit < 1 || limit > MAX_LIST_LIMIT) {
            return usage("list-instances", err);
        }
        InstancePage page = service.list(limit, Optional.ofNullable(options.get().get("--after")));
        ObjectNode result = Json.object();
        ArrayNode instances = result.putArray("instances");
        page.instances().forEach(instance -> instances.add(summary(instance)));
        page.after().ifPresent(after -> result.put("after", after));
        out.println(Json.write(result));
        return ExitCodes.OK;
    }

    private static int rotateKey(String[] args, PrintStream out, PrintStream err, InstanceAdminService service,
                                 Supplier<ApiGatewayClient> apiGateway) {
        if (args.length < 2 || Arrays.stream(ApiKeySlot.values()).noneMatch(s -> s.name().equals(args[1]))) {
            return usage("rotate-key", err);
        }
        Optional<Map<String, String>> options = options(Arrays.copyOfRange(args, 2, args.length),
                List.of("--api-id", "--stage"));
        if (options.isEmpty() || options.get().size() == 1) {
            return usage("rotate-key", err);
        }
        Optional<AuthorizerCache> cache = options.get().isEmpty() ? Optional.empty()
                : Optional.of(new AuthorizerCache(apiGateway.get(), options.get().get("--api-id"),
                        options.get().get("--stage")));
        // A wrong API id or stage is found before the key changes, not after.
        cache.ifPresent(AuthorizerCache::checkStageExists);
        ApiKeySlot slot = ApiKeySlot.valueOf(args[1]);
        String key = service.rotateKey(args[0], slot);
        ObjectNode result = Json.object();
        result.put("instanceId", args[0]);
        result.put("slot", slot.name());
        result.put("key", key);
        if (cache.isEmpty()) {
            out.println(Json.write(result));
            return ExitCodes.OK;
        }
        try {
            cache.get().flush();
            result.put("authorizerCacheFlushed", true);
            out.println(Json.write(result));
            return ExitCodes.OK;
        } catch (SdkException e) {
            // The new key must reach the operator whatever happens to the flush.
            result.put("authorizerCacheFlushed", false);
            out.println(Json.write(result));
            err.println(Json.write(awsCallFailed(e)));
            return ExitCodes.KEY_ROTATED_CACHE_NOT_FLUSHED;
        }
    }

    private static int flushAuthorizerCache(String[] args, PrintStream out, PrintStream err,
                                            Supplier<ApiGatewayClient> apiGateway) {
        Optional<Map<String, String>> options = options(args, List.of("--api-id", "--stage"));
        if (options.isEmpty() || options.get().size() != 2) {
            return usage("flush-authorizer-cache", err);
        }
        AuthorizerCache cache = new AuthorizerCache(apiGateway.get(), options.get().get("--api-id"),
                options.get().get("--stage"));
        cache.checkStageExists();
        cache.flush();
        out.println(Json.write(Json.object().put("authorizerCacheFlushed", true)));
        return ExitCodes.OK;
    }

    private static int countTickets(String[] args, PrintStream out, PrintStream err, InstanceAdminService service,
                                    Supplier<TicketCountsBackfill> counts) {
        if (args.length != 1 || args[0].startsWith("--")) {
            return usage("count-tickets", err);
        }
        // 404 for an instance that does not exist, before anything is written under its key.
        service.show(args[0]);
        TicketCountsBackfill.Result result;
        try {
            result = counts.get().run(args[0]);
        } catch (TicketCountsBackfill.TooBusyException e) {
            err.println(Json.write(error("TooBusy", e.getMessage())));
            return ExitCodes.REFUSED;
        }
        ObjectNode body = Json.object();
        body.put("instanceId", args[0]);
        body.put("tickets", result.tickets());
        body.put("alreadyReady", result.alreadyReady());
        out.println(Json.write(body));
        return ExitCodes.OK;
    }

    /** {@code --name value} pairs, each at most once and among {@code allowed}; empty when anything else is there. */
    private static Optional<Map<String, String>> options(String[] args, List<String> allowed) {
        Map<String, String> options = new HashMap<>();
        if (args.length % 2 != 0) {
            return Optional.empty();
        }
        for (int i = 0; i < args.length; i += 2) {
            if (!allowed.contains(args[i]) || options.put(args[i], args[i + 1]) != null || args[i + 1].isBlank()) {
                return Optional.empty();
            }
        }
        return Optional.of(options);
    }

    private static ObjectNode summary(Instance instance) {
        ObjectNode summary = Json.object();
        summary.put("id", instance.id());
        summary.put("name", instance.name());
        summary.put("enabled", instance.enabled());
        return summary;
    }

    private static ObjectNode awsCallFailed(SdkException e) {
        return error("AwsCallFailed", e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private static ObjectNode error(String code, String message) {
        return ErrorBodies.of(code, message);
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        List<T> value = new ArrayList<>(1);
        return () -> {
            if (value.isEmpty()) {
                value.add(supplier.get());
            }
            return value.get(0);
        };
    }
}
