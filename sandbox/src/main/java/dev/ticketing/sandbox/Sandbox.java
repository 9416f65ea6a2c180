package dev.ticketing.sandbox;

import dev.ticketing.Dependencies;
import dev.ticketing.config.Config;
import dev.ticketing.local.dynamodb.LocalDynamoDb;
import dev.ticketing.local.dynamodb.TemplateTable;
import dev.ticketing.local.lambda.LambdaHarness;
import dev.ticketing.local.template.Route;
import dev.ticketing.local.template.SamTemplate;
import dev.ticketing.service.CreatedInstance;
import dev.ticketing.webhooks.local.LocalQueues;
import dev.ticketing.webhooks.sqs.SqsClients;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A running sandbox: the DynamoDB engine and table, the demo instance, and the API served over HTTP by the
 * template's functions, each under Lambda's runtime client (default) or in this JVM. Closing it stops the server,
 * the functions' processes and any moto it started.
 */
public final class Sandbox implements AutoCloseable {

    private static final String TOKEN_SECRET = "sandbox-only-continuation-token-secret";
    /** The bucket of attachment files, on the engine (moto serves S3 on its DynamoDB port). */
    static final String ATTACHMENTS_BUCKET = "tickets-sandbox-attachments";
    /** Where the OpenAPI spec lives, relative to template.yaml. */
    static final String OPENAPI_SPEC = "docs/openapi.yaml";

    // The handlers' no-argument constructors share one Dependencies per JVM, built from the first configuration
    // they see, so every sandbox of a JVM must use the same endpoint and table.
    private static Binding bound;

    private final SandboxServer server;
    private final Engine engine;
    private final String tableName;
    private final boolean tableCreated;
    private final CreatedInstance demo;
    private final List<Route> routes;
    private final Functions functions;
    private final ScheduledRuns schedule;
    private final Options.FunctionRuntime runtime;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final WebhookPollers webhooks;
    private final SqsClient sqs;

    private Sandbox(SandboxServer server, Engine engine, String tableName, boolean tableCreated, CreatedInstance demo,
                    List<Route> routes, Functions functions, ScheduledRuns schedule, Options.FunctionRuntime runtime,
                    WebhookPollers webhooks, SqsClient sqs) {
        this.server = server;
        this.schedule = schedule;
        this.webhooks = webhooks;
        this.sqs = sqs;
        this.engine = engine;
        this.functions = functions;
        this.runtime = runtime;
        this.tableName = tableName;
        this.tableCreated = tableCreated;
        this.demo = demo;
        this.routes = routes;
    }

    public static Sandbox start(Options options) {
        boolean inProcess = options.runtime() == Options.FunctionRuntime.IN_PROCESS;
        if (inProcess) {
            refuseSecondBinding(options);
        }
        SamTemplate template = options.template().map(SamTemplate::read).orElseGet(SamTemplate::load);
        TemplateTable table = TemplateTable.of(template);
        List<Route> routes = template.routes();
        Engine engine = Engine.start(options);
        Functions functions = null;
        ScheduledRuns schedule = null;
        WebhookPollers webhooks = null;
        SqsClient sqs = null;
        boolean started = false;
        try {
            boolean created = engine.ensureTable(options.tableName(), table);
            engine.ensureBucket(ATTACHMENTS_BUCKET);
            sqs = SqsClients.local(engine.endpoint());
            Optional<LocalQueues> queues = WebhookPollers.queues(sqs, options.tableName());
            Dependencies dependencies;
            if (inProcess) {
                bind(new Binding(engine.endpoint(), options.tableName()), queues);
                dependencies = Dependencies.get();
                functions = Functions.inProcess(routes);
                schedule = scheduledRuns(template, options, name -> InProcessFunction.create(name,
                        handlerClassOf(template, name)));
            } else {
                // The functions run in their own processes with their own environment; this JVM only seeds.
                dependencies = new Dependencies(functionConfig(engine.endpoint(), options.tableName(), queues),
                        LocalDynamoDb.newClient(engine.endpoint()));
                LambdaHarness harness = LambdaHarness.forTemplate(template,
                        functionEnvironment(engine.endpoint(), options.tableName(), queues),
                        LambdaHarness.Artifacts.MAVEN_WITH_DYNAMODB_LIMITS,
                        FunctionLog::print);
                functions = Functions.underLambdaRuntime(routes, harness);
                schedule = scheduledRuns(template, options, name -> new RuntimeFunction(harness, name));
            }
            CreatedInstance demo = DemoInstance.seed(dependencies.instanceStore(), options.demoPrimaryKey());
            // Started after the seed: the stream is read from here on, so seeding dispatches nothing.
            webhooks = WebhookPollers.start(engine.endpoint(), dependencies.client(), options.tableName(),
                    dependencies, sqs, queues).orElse(null);
            Authorizers authorizers = new Authorizers(functions, options.clock(), options.authorizerTtl());
            Gateway gateway = new Gateway(new Router(routes), functions, authorizers, options.clock(),
                    options.throttling() ? Optional.of(new Throttle(options.clock())) : Optional.empty(),
                    BinaryMediaTypes.load(template));
            Path spec = template.file().resolveSibling(OPENAPI_SPEC);
            // A test's own template may have no spec beside it; the API is served all the same.
            List<LocalEndpoint> locals = new ArrayList<>();
            if (Files.isRegularFile(spec)) {
                locals.add(DocsPages.load(spec, demo.primaryKey()));
            }
            if (schedule != null) {
                locals.add(schedule);
            }
            SandboxServer server = SandboxServer.start(gateway, locals, options.port());
            started = true;
            return new Sandbox(server, engine, options.tableName(), created, demo, routes, functions, schedule,
                    options.runtime(), webhooks, sqs);
        } finally {
            if (!started) {
                if (schedule != null) {
                    schedule.close();
                }
                if (webhooks != null) {
                    webhooks.close();
                }
                if (sqs != null) {
                    sqs.close();
                }
                if (functions != null) {
                    functions.close();
                }
                engine.close();
            }
        }
    }

    /**
     * The template's scheduled function (the automation), run on the sandbox's clock: in the background every
     * {@link Options#automationEvery()} when set, and on request at {@link ScheduledRuns#RUN_PATH}. Null when the
     * template schedules nothing.
     */
    private static ScheduledRuns scheduledRuns(SamTemplate template, Options options, RunnerFactory runners) {
        List<SamTemplate.Schedule> schedules = template.schedules();
        if (schedules.isEmpty()) {
            return null;
        }
        String function = schedules.get(0).functionName();
        try {
            return new ScheduledRuns(runners.create(function), options.clock(), options.automationEvery());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("Cannot create the scheduled function " + function
                    + " (is its module a dependency of the sandbox?)", e);
        }
    }

    private static String handlerClassOf(SamTemplate template, String functionName) {
        return template.schedules().stream().filter(s -> s.functionName().equals(functionName)).findFirst()
                .orElseThrow().handlerClass();
    }

    /** Makes the runner of one function. */
    private interface RunnerFactory {
        FunctionRunner create(String functionName) throws ReflectiveOperationException;
    }

    /**
     * The functions' environment on the sandbox's engine, with a sandbox-only token secret and the attachments
     * bucket; upload and download URLs therefore point at the engine (moto), not at S3.
     */
    private static Map<String, String> functionEnvironment(URI endpoint, String tableName,
                                                           Optional<LocalQueues> queues) {
        Map<String, String> environment = new HashMap<>(Config.localFunctionEnvironment(endpoint, tableName,
                TOKEN_SECRET, ATTACHMENTS_BUCKET));
        queues.ifPresent(q -> environment.putAll(q.environment(endpoint)));
        // The sandbox's allowance: webhooks may be http and local (docs/events.md, "URLs").
        environment.put(Config.WEBHOOK_ALLOW_LOCAL_URLS, "true");
        environment.put(Config.WEBHOOK_RETRY_SCHEDULE, "PT5S,PT10S,PT20S");
        return Map.copyOf(environment);
    }

    private static Config functionConfig(URI endpoint, String tableName, Optional<LocalQueues> queues) {
        return Config.from(functionEnvironment(endpoint, tableName, queues));
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public int port() {
        return server.port();
    }

    public String instanceId() {
        return demo.instanceId();
    }

    public String primaryKey() {
        return demo.primaryKey();
    }

    public String secondaryKey() {
        return demo.secondaryKey();
    }

    public URI dynamoDbEndpoint() {
        return engine.endpoint();
    }

    /** True when the sandbox started moto itself (and stops it on close). */
    public boolean startedMoto() {
        return engine.startedMoto();
    }

    public String tableName() {
        return tableName;
    }

    public String attachmentsBucket() {
        return ATTACHMENTS_BUCKET;
    }

    public boolean tableCreated() {
        return tableCreated;
    }

    public List<Route> routes() {
        return routes;
    }

    /** Functions whose handler could not be created, with the reason; their routes answer 502. */
    public Map<String, String> unavailableFunctions() {
        return functions.unavailable();
    }

    public Options.FunctionRuntime runtime() {
        return runtime;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                server.close();
                if (schedule != null) {
                    schedule.close();
                }
                if (webhooks != null) {
                    webhooks.close();
                }
                sqs.close();
            } finally {
                try {
                    functions.close();
                } finally {
                    engine.close();
                }
            }
        }
    }

    private static synchronized void refuseSecondBinding(Options options) {
        if (bound == null) {
            return;
        }
        boolean same = options.dynamoDbEndpoint().equals(Optional.of(bound.endpoint()))
                && options.tableName().equals(bound.tableName());
        if (!same) {
            throw new IllegalStateException("This JVM's functions already use table " + bound.tableName() + " at "
                    + bound.endpoint() + "; a JVM serves one sandbox table, so start this one with the same"
                    + " endpoint and table, or in another JVM.");
        }
    }

    /** Points the functions' configuration at the engine, before any handler is created. */
    private static synchronized void bind(Binding binding, Optional<LocalQueues> queues) {
        System.setProperty(Config.TABLE_NAME, binding.tableName());
        System.setProperty(Config.DYNAMODB_ENDPOINT, binding.endpoint().toString());
        // The engine's tables live in one region; the developer's AWS_REGION must not send the functions elsewhere.
        System.setProperty(Config.REGION, LocalDynamoDb.REGION.id());
        System.setProperty(Config.TOKEN_SECRET_PARAMETER, "");
        System.setProperty(Config.TOKEN_SECRET, TOKEN_SECRET);
        System.setProperty(Config.ATTACHMENTS_BUCKET, ATTACHMENTS_BUCKET);
        System.setProperty(Config.S3_ENDPOINT, binding.endpoint().toString());
        queues.ifPresent(q -> q.environment(binding.endpoint()).forEach(System::setProperty));
        System.setProperty(Config.WEBHOOK_ALLOW_LOCAL_URLS, "true");
        Config config = Dependencies.get().config();
        if (!config.tableName().equals(binding.tableName())
                || !config.dynamoDbEndpoint().equals(Optional.of(binding.endpoint()))
                || !config.region().equals(LocalDynamoDb.REGION.id())) {
            throw new IllegalStateException("The functions of this JVM were configured before the sandbox started"
                    + " (table " + config.tableName() + ", endpoint " + config.dynamoDbEndpoint().orElse(null)
                    + ", region " + config.region() + "); start the sandbox before anything uses"
                    + " dev.ticketing.Dependencies.");
        }
        bound = binding;
    }

    private record Binding(URI endpoint, String tableName) {
    }
}
