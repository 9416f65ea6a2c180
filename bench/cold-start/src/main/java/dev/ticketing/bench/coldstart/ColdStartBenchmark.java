package dev.ticketing.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketing.config.Config;
import dev.ticketing.local.dynamodb.LocalDynamoDb;
import dev.ticketing.local.lambda.FunctionArtifacts;
import dev.ticketing.local.lambda.Invocation;
import dev.ticketing.local.lambda.LambdaEnvironment;
import dev.ticketing.local.lambda.LambdaProcess;
import dev.ticketing.local.lambda.LambdaRuntime;
import dev.ticketing.local.template.SamTemplate;
import dev.ticketing.local.template.TemplateFunction;
import dev.ticketing.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Issue 10's cold-start measurements, under the Lambda runtime harness: every variant's first invocation in a fresh
 * execution environment (the Runtime Interface Emulator running Lambda's runtime client with the variant's jars as
 * task root, the template's memory and environment, the managed runtime's JVM flags), N rounds in a shuffled order
 * per round after one discarded warm-up round; then warm invocations of get-ticket and list-tickets. Prints markdown
 * and writes it to bench/cold-start/target/cold-start-results.md.
 * Usage: {@code ColdStartBenchmark [rounds, default 10] [warm invocations, default 5000]}.
 */
public final class ColdStartBenchmark {

    private static final String VERSION = "1.0.0-SNAPSHOT";
    private static final String OWN = "ticketing-bench-cold-start-" + VERSION + "-";
    private static final String TOKEN_SECRET = "bench-cold-start-token-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The suffix of a baseline variant's id: {@code get-before} is {@code get} built from the baseline. */
    static final String BEFORE = "-before";

    /** Issue 10's targets: ours at most 0.5x the tutorial-style build and 0.6x the raw GetItem, per route. */
    private static final List<Report.Target> TARGETS = List.of(
            new Report.Target("get", "get-tutorial", 0.5), new Report.Target("get", "raw", 0.6),
            new Report.Target("list", "list-tutorial", 0.5), new Report.Target("list", "raw", 0.6),
            new Report.Target("create", "create-tutorial", 0.5), new Report.Target("create", "raw", 0.6),
            new Report.Target("get-primed", "get-tutorial", 0.5, true),
            new Report.Target("get-primed", "raw", 0.6, true));

    private final LambdaRuntime runtime;
    private final Map<String, TemplateFunction> functions;
    private final Path target;
    private final Map<String, Path> taskRoots = new LinkedHashMap<>();
    private final Optional<Path> baseline;
    private int relaunches;

    private ColdStartBenchmark(LambdaRuntime runtime, Map<String, TemplateFunction> functions, Path target,
                               Optional<Path> baseline) {
        this.runtime = runtime;
        this.functions = functions;
        this.target = target;
        this.baseline = baseline;
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int invocations = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        Optional<Path> baseline = args.length > 2 && !args[2].isBlank()
                ? Optional.of(Path.of(args[2]).toAbsolutePath()) : Optional.empty();
        if (rounds < 1) {
            throw new IllegalArgumentException("At least one timed round is needed; the warm-up round is discarded");
        }
        Path template = Fixtures.projectFile("template.yaml").toAbsolutePath();
        Path target = template.getParent().resolve("bench/cold-start/target");
        ColdStartBenchmark benchmark = new ColdStartBenchmark(LambdaRuntime.locate(template),
                SamTemplate.read(template).functions().stream()
                        .collect(Collectors.toMap(TemplateFunction::logicalId, Function.identity())), target,
                baseline);
        Report report = benchmark.run(rounds, invocations);
        System.out.println(report.text());
        report.write(target.resolve("cold-start-results.md"));
    }

    private Report run(int rounds, int invocations) throws IOException {
        Instant started = Instant.now();
        String loadBefore = loadAverage();
        List<Variant> variants = variants();
        Map<String, Long> jarBytes = new LinkedHashMap<>();
        for (Variant v : variants) {
            taskRoots.put(v.id(), stage(v));
            jarBytes.put(v.id(), v.jars().stream().mapToLong(ColdStartBenchmark::size).sum());
        }
        Map<String, List<ColdRun>> runs = new LinkedHashMap<>();
        variants.forEach(v -> runs.put(v.id(), new ArrayList<>()));
        Map<String, ClassLoadLog> classes = new HashMap<>();
        Report report = new Report();
        Files.createDirectories(target.resolve("class-load"));
        try (LocalDynamoDb engine = LocalDynamoDb.start()) {
            Seed.load(engine);
            Map<String, String> local = localValues(engine.endpoint());
            // Round 0 warms moto, the file cache and the emulator's binary, as Lambda's fleet has them warm, and
            // logs class loading, whose cost would otherwise be inside the timed rounds.
            for (int round = 0; round <= rounds; round++) {
                List<Variant> order = new ArrayList<>(variants);
                Collections.shuffle(order, new Random(round));
                for (Variant v : order) {
                    Path classLog = target.resolve("class-load").resolve(v.id() + ".log");
                    ColdRun run = cold(v, local, round, round == 0 ? ClassLoadLog.jvmOption(classLog) : List.of());
                    if (round == 0) {
                        classes.put(v.id(), ClassLoadLog.read(classLog, taskRoots.get(v.id()),
                                runtime.runtimeJars().get(0).getParent()));
                    } else {
                        runs.get(v.id()).add(run);
                    }
                }
                System.err.printf("cold round %d of %d done, %d s%n", round, rounds,
                        Duration.between(started, Instant.now()).toSeconds());
            }
            report.line("## Cold start under the Lambda runtime harness");
            report.line("");
            report.line(String.format(
                    "%d rounds after a discarded warm-up round, variants in a shuffled order per round;"
                    + " JVM %s, %d CPUs, load average %s before the run; moto at %s.", rounds, Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), loadBefore, engine.endpoint()));
            report.line("Milliseconds as median (min–max); classes from the warm-up round's `-Xlog:class+load`.");
            report.line("");
            report.coldTable(variants, runs, jarBytes, classes);
            report.line("");
            report.targetTable(TARGETS, runs);
            report.line("");
            if (baseline.isPresent()) {
                report.line("Before (" + baseline.get() + ") and after (this checkout), the same rounds:");
                report.line("");
                report.compareTable(List.of("get", "list", "create", "get-primed"), runs);
                report.line("");
            }
            warm(report, engine, local, invocations);
        }
        report.line("");
        report.line(String.format("Run time %d s; load average %s at the end; %d emulator launches repeated.",
                Duration.between(started, Instant.now()).toSeconds(), loadAverage(), relaunches));
        return report;
    }

    private List<Variant> variants() {
        String getTicket = "GetTicketFunction";
        String listTickets = "ListTicketsFunction";
        String createTicket = "CreateTicketFunction";
        Path getJar = functionJar(getTicket);
        String tutorial = "dev.ticketing.bench.coldstart.naive.";
        List<Variant> variants = List.of(
                new Variant("floor-stream", "(a) floor, `RequestStreamHandler`", getTicket,
                        "dev.ticketing.bench.coldstart.floor.FloorStreamHandler::handleRequest",
                        List.of(own("floor-stream")), "get-ticket.json", 200),
                new Variant("floor-pojo", "(a') floor, `RequestHandler<APIGatewayProxyRequestEvent, ...>`",
                        getTicket, "dev.ticketing.bench.coldstart.floor.FloorHandler::handleRequest",
                        List.of(own("floor")), "get-ticket.json", 200),
                new Variant("raw", "(b) raw GetItem, `RequestHandler<APIGatewayProxyRequestEvent, ...>`",
                        getTicket, "dev.ticketing.bench.coldstart.raw.RawGetItemHandler::handleRequest",
                        List.of(own("raw")), "get-ticket.json", 200),
                new Variant("get", "(c) get-ticket (ours)", getTicket,
                        functions.get(getTicket).handler(), List.of(getJar), "get-ticket.json", 200),
                new Variant("list", "(c) list-tickets (ours)", listTickets,
                        functions.get(listTickets).handler(), List.of(functionJar(listTickets)), "list-tickets.json",
                        200),
                new Variant("create", "(c) create-ticket (ours)", createTicket,
                        functions.get(createTicket).handler(), List.of(functionJar(createTicket)),
                        "create-ticket.json", 201),
                new Variant("get-tutorial", "(d) get-ticket, tutorial style", getTicket,
                        tutorial + "NaiveGetTicketHandler::handleRequest", List.of(own("naive")), "get-ticket.json",
                        200),
                new Variant("list-tutorial", "(d) list-tickets, tutorial style", listTickets,
                        tutorial + "NaiveListTicketsHandler::handleRequest", List.of(own("naive")),
                        "list-tickets.json", 200),
                new Variant("create-tutorial", "(d) create-ticket, tutorial style", createTicket,
                        tutorial + "NaiveCreateTicketHandler::handleRequest", List.of(own("naive")),
                        "create-ticket.json", 201),
                new Variant("get-primed", "(e) get-ticket (ours), SnapStart hooks run inside init",
                        getTicket, "dev.ticketing.bench.coldstart.primed.PrimedHandler::handleRequest",
                        List.of(getJar, own("primed")), "get-ticket.json", 200,
                        Map.of("BENCH_PRIMED_HANDLER", className(functions.get(getTicket).handler()))));
        if (baseline.isEmpty()) {
            return variants;
        }
        Path root = baseline.get();
        List<Variant> all = new ArrayList<>(variants);
        all.add(new Variant("get" + BEFORE, "(c) get-ticket, before", getTicket, functions.get(getTicket).handler(),
                List.of(baselineJar(root, getTicket)), "get-ticket.json", 200));
        all.add(new Variant("list" + BEFORE, "(c) list-tickets, before", listTickets,
                functions.get(listTickets).handler(), List.of(baselineJar(root, listTickets)), "list-tickets.json",
                200));
        all.add(new Variant("create" + BEFORE, "(c) create-ticket, before", createTicket,
                functions.get(createTicket).handler(), List.of(baselineJar(root, createTicket)),
                "create-ticket.json", 201));
        all.add(new Variant("get-primed" + BEFORE, "(e) get-ticket, SnapStart hooks run inside init, before",
                getTicket, "dev.ticketing.bench.coldstart.primed.PrimedHandler::handleRequest",
                List.of(baselineJar(root, getTicket), own("primed")), "get-ticket.json", 200,
                Map.of("BENCH_PRIMED_HANDLER", className(functions.get(getTicket).handler()))));
        return all;
    }

    /** A function's deployment jar in the baseline checkout, where this checkout's template puts it. */
    private Path baselineJar(Path root, String logicalId) {
        Path projectRoot = Fixtures.projectFile("template.yaml").toAbsolutePath().getParent();
        Path module = projectRoot.relativize(functions.get(logicalId).codeUri().toAbsolutePath());
        String name = module.getFileName().toString();
        Path jar = root.resolve(module).resolve("target").resolve(name + "-" + VERSION + "-lambda.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the baseline's function jars first");
        }
        return jar;
    }

    /**
     * One fresh environment's first invocation. An emulator that exits before it listens is launched again, twice at
     * most: on a shared machine another process can take the free port it was given meanwhile; its run is not timed.
     */
    private ColdRun cold(Variant v, Map<String, String> local, int round, List<String> jvmOptions) {
        for (int attempt = 1; ; attempt++) {
            try {
                return coldOnce(v, local, round, jvmOptions);
            } catch (EmulatorNotReady e) {
                if (attempt == 3) {
                    throw e;
                }
                relaunches++;
                System.err.println("Relaunching " + v.id() + ": " + e.getMessage());
            }
        }
    }

    private ColdRun coldOnce(Variant v, Map<String, String> local, int round, List<String> jvmOptions) {
        TemplateFunction function = as(v);
        Path taskRoot = taskRoots.get(v.id());
        Map<String, String> values = new HashMap<>(local);
        values.putAll(v.environment());
        Map<String, String> environment = LambdaEnvironment.of(function, taskRoot, values);
        byte[] event = read(Fixtures.projectFile("events/" + v.event()));
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        LambdaProcess started;
        try {
            started = LambdaProcess.start(runtime, function, taskRoot, environment, jvmOptions,
                    (name, line) -> output.add(line));
        } catch (IllegalStateException e) {
            throw new EmulatorNotReady(e.getMessage() + "; output:\n" + String.join("\n", output));
        }
        try (LambdaProcess process = started) {
            Invocation invocation = process.invoke(event, v.id() + "-round-" + round);
            double wallMs = (System.nanoTime() - start) / 1e6;
            int status = status(invocation);
            if (status != v.expectedStatus() || invocation.initDurationMs().isEmpty()
                    || invocation.durationMs().isEmpty()) {
                throw new IllegalStateException(v.label() + " answered " + status + " ("
                        + new String(invocation.payload(), StandardCharsets.UTF_8) + "), init "
                        + invocation.initDurationMs() + ", duration " + invocation.durationMs() + "; output:\n"
                        + String.join("\n", output));
            }
            return new ColdRun(invocation.initDurationMs().getAsDouble(), invocation.durationMs().getAsDouble(),
                    wallMs);
        }
    }

    /**
     * Warm series: the real handlers' stream entry points in one JVM each, with the managed runtime's flags and
     * class path, against a replaying proxy so that repeated reads do not wait on moto.
     */
    private void warm(Report report, LocalDynamoDb engine, Map<String, String> local, int invocations) {
        if (invocations <= 0) {
            return;
        }
        Path listEvent = Seed.listTicketsEvent(target);
        try (ReplayProxy proxy = new ReplayProxy(engine.endpoint())) {
            Map<String, String> values = new HashMap<>(local);
            values.put(Config.DYNAMODB_ENDPOINT, proxy.endpoint().toString());
            report.line("## Warm path: handler's own time = invocation - time inside DynamoDB calls (SDK interceptor)");
            report.line("");
            report.line(Report.warmHeader());
            Path getEvent = Fixtures.projectFile("events/get-ticket.json");
            String getLabel = "get-ticket (`events/get-ticket.json`)";
            String listLabel = "list-tickets (`events/list-tickets.json`, limit " + Seed.LIST_LIMIT + ")";
            report.line(Report.warmRow(getLabel, warmRun("GetTicketFunction", functionJar("GetTicketFunction"), "",
                    getEvent, values, invocations), invocations));
            // A baseline's series runs right after this checkout's, one after the other, not interleaved.
            if (baseline.isPresent()) {
                report.line(Report.warmRow(getLabel + ", before", warmRun("GetTicketFunction",
                        baselineJar(baseline.get(), "GetTicketFunction"), BEFORE, getEvent, values, invocations),
                        invocations));
            }
            report.line(Report.warmRow(listLabel, warmRun("ListTicketsFunction", functionJar("ListTicketsFunction"),
                    "", listEvent, values, invocations), invocations));
            if (baseline.isPresent()) {
                report.line(Report.warmRow(listLabel + ", before", warmRun("ListTicketsFunction",
                        baselineJar(baseline.get(), "ListTicketsFunction"), BEFORE, listEvent, values, invocations),
                        invocations));
            }
        }
    }

    private WarmRun warmRun(String logicalId, Path jar, String suffix, Path event, Map<String, String> values,
                            int invocations) {
        TemplateFunction function = functions.get(logicalId);
        Path taskRoot = stage(new Variant("warm-" + logicalId + suffix, logicalId, logicalId, function.handler(),
                List.of(jar), null, 200));
        List<String> command = new ArrayList<>(runtime.javaCommand(function.memorySizeMb(), function.handler()));
        int classPath = command.indexOf("-classpath");
        List<String> jars = new ArrayList<>(runtime.runtimeJars().stream().map(Path::toString).toList());
        jars.add(taskRoot.resolve("lib").resolve(jar.getFileName()).toString());
        jars.add(own("warm").toString());
        command = new ArrayList<>(command.subList(0, classPath));
        command.addAll(List.of("-classpath", String.join(":", jars), "dev.ticketing.bench.coldstart.warm.WarmChild",
                className(function.handler()), event.toString(), Integer.toString(invocations)));
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(LambdaEnvironment.of(function, taskRoot, values));
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            String[] f = output.lines().filter(line -> line.startsWith("WARM ")).findFirst().filter(line -> exit == 0)
                    .map(line -> line.split(" "))
                    .orElseThrow(() -> new IllegalStateException("Warm series of " + logicalId + " exited " + exit
                            + ":\n" + output.substring(Math.max(0, output.length() - 4000))));
            return new WarmRun(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                    Long.parseLong(f[4]), Double.parseDouble(f[5]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The emulator did not come up; nothing was measured. */
    private static final class EmulatorNotReady extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        EmulatorNotReady(String message) {
            super(message);
        }
    }

    /** The template function the variant runs as, with the variant's handler string. */
    private TemplateFunction as(Variant v) {
        TemplateFunction base = functions.get(v.templateId());
        return new TemplateFunction(v.id(), v.handler(), base.runtime(), base.codeUri(), base.memorySizeMb(),
                base.timeoutSeconds(), base.environment(), base.logFormat());
    }

    /**
     * The variant's task root, {@code target/tasks/<id>/lib/*.jar}, with copies of its jars: a reactor build running
     * meanwhile cannot change them under a measured process.
     */
    private Path stage(Variant v) {
        Path root = target.resolve("tasks").resolve(v.id());
        Path lib = root.resolve("lib");
        try {
            if (Files.isDirectory(lib)) {
                try (var old = Files.list(lib)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
            }
            for (Path jar : v.jars()) {
                JarSnapshot.of(jar, lib);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    private Map<String, String> localValues(URI engine) {
        return Config.localFunctionEnvironment(engine, Seed.TABLE, TOKEN_SECRET);
    }

    private Path functionJar(String logicalId) {
        return FunctionArtifacts.shadedJar(functions.get(logicalId));
    }

    private Path own(String classifier) {
        Path jar = target.resolve(OWN + classifier + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run `mvn -f bench/cold-start/pom.xml package` first");
        }
        return jar;
    }

    private static int status(Invocation invocation) {
        if (invocation.error().isPresent()) {
            return -1;
        }
        try {
            JsonNode answer = JSON.readTree(invocation.payload());
            return answer.path("statusCode").asInt(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String className(String handler) {
        int method = handler.indexOf("::");
        return method < 0 ? handler : handler.substring(0, method);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
