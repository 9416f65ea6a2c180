package dev.ticketing.bench.coldstart;

import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.LocalDynamoDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Issue 7's measurements in one run: N fresh JVMs for each of the floor, the raw GetItem, our get-ticket and the
 * tutorial-style get-ticket, interleaved so machine noise hits all alike; then warm invocations of get-ticket and
 * list-tickets. Prints markdown and writes it to bench/cold-start/target/cold-start-results.md.
 * Usage: {@code ColdStartBenchmark [N] [warm invocations] [id=handler class=jar ...]}; extra variants are for
 * before/after experiments.
 */
public final class ColdStartBenchmark {

    private static final String VERSION = "1.0.0-SNAPSHOT";

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int invocations = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path target = Fixtures.projectFile("bench/cold-start/target").toAbsolutePath();
        Path root = target.getParent().getParent().getParent();
        List<Variant> variants = variants(target, root, List.of(args).subList(Math.min(2, args.length), args.length));
        Report report = new Report();
        try (LocalDynamoDb engine = LocalDynamoDb.start()) {
            Seed.load(engine);
            Path getEvent = Seed.getTicketEvent(target);
            Path listEvent = Seed.listTicketsEvent(target);
            cold(report, variants, runs, own(target, "harness"), getEvent, engine);
            try (ReplayProxy proxy = new ReplayProxy(engine.endpoint())) {
                Children children = new Children(Map.of(
                        "TABLE_NAME", Seed.TABLE,
                        "DYNAMODB_ENDPOINT", proxy.endpoint().toString(),
                        "AWS_REGION", "us-east-1",
                        "CONTINUATION_TOKEN_SECRET", "bench-secret"));
                warm(report, children, own(target, "warm"), variants.get(2), function(root, "list-tickets"),
                        getEvent, listEvent, invocations);
            }
        }
        System.out.println(report.text());
        report.write(target.resolve("cold-start-results.md"));
    }

    private static List<Variant> variants(Path target, Path root, List<String> extras) {
        Path ours = function(root, "get-ticket").orElseThrow(() -> missing("get-ticket"));
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant("floor", "(a) floor: constant answer", "dev.ticketing.bench.coldstart.floor.FloorHandler",
                        own(target, "floor")),
                new Variant("raw", "(b) one raw GetItem, our client settings",
                        "dev.ticketing.bench.coldstart.raw.RawGetItemHandler", own(target, "raw")),
                new Variant("ours", "(c) get-ticket (ours)", "dev.ticketing.functions.GetTicketHandler", ours),
                new Variant("naive", "(d) get-ticket, tutorial style",
                        "dev.ticketing.bench.coldstart.naive.NaiveGetTicketHandler", own(target, "naive")),
                // SnapStart cannot run here; this shows what priming leaves for the first invocation after a restore.
                new Variant("primed", "(c') get-ticket, priming run in init (SnapStart stand-in)",
                        "dev.ticketing.functions.GetTicketHandler", ours, true),
                new Variant("metrics", "(a+) floor + one metric through powertools-metrics 2.5.0",
                        "dev.ticketing.bench.coldstart.metrics.MetricsFloorHandler", own(target, "metrics"))));
        for (String extra : extras) {
            String[] parts = extra.split("=", 3);
            variants.add(new Variant(parts[0], parts[0], parts[1], Path.of(parts[2]).toAbsolutePath()));
        }
        return variants;
    }

    private static void cold(Report report, List<Variant> variants, int runs, Path harness, Path event,
                             LocalDynamoDb engine) {
        Children children = new Children(Map.of(
                "TABLE_NAME", Seed.TABLE,
                "DYNAMODB_ENDPOINT", engine.endpoint().toString(),
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "bench",
                "AWS_SECRET_ACCESS_KEY", "bench",
                // As Lambda sets it; the metrics library picks its Lambda (standard output) sink by it.
                "AWS_LAMBDA_FUNCTION_NAME", "bench",
                "CONTINUATION_TOKEN_SECRET", "bench-secret"));
        Map<String, List<ColdRun>> cold = new LinkedHashMap<>();
        variants.forEach(v -> cold.put(v.id(), new ArrayList<>()));
        // Round 0 is discarded: it warms moto and the OS file cache, which Lambda's fleet has warm too.
        for (int round = 0; round <= runs; round++) {
            for (Variant v : variants) {
                ColdRun run = children.cold(v, harness, event);
                if (run.status() != 200) {
                    throw new IllegalStateException(v.label() + " answered " + run.status());
                }
                if (round > 0) {
                    cold.get(v.id()).add(run);
                }
            }
            System.err.println("cold round " + round + " of " + runs + " done");
        }
        variants.forEach(v -> report.add(v, cold.get(v.id())));
        report.line("## Cold start: " + runs + " fresh JVMs per handler, `" + Report.flags() + "`, "
                + Runtime.version() + ", moto (" + engine.endpoint() + ")");
        report.line("");
        report.line(report.coldTables());
        StringBuilder ratios = new StringBuilder(Report.ratioHeader()).append(report.ratios("ours", "raw"))
                .append(report.ratios("naive", "ours")).append(report.ratios("raw", "floor"))
                .append(report.ratios("primed", "raw")).append(report.ratios("metrics", "floor"));
        variants.stream().skip(6).forEach(v -> ratios.append(report.ratios(v.id(), "raw"))
                .append(report.ratios("naive", v.id())));
        report.line(ratios.toString());
    }

    private static void warm(Report report, Children children, Path warmJar, Variant getTicket,
                             Optional<Path> listTicketsJar, Path getEvent, Path listEvent, int invocations) {
        report.line("## Warm: one JVM per function, same flags, handler's own time = total - time inside"
                + " DynamoDB calls (SDK interceptor); repeated reads answered by a replaying proxy");
        report.line("");
        StringBuilder warm = new StringBuilder(Report.warmHeader());
        warm.append(Report.warmRow("get-ticket (`events/get-ticket.json`)",
                children.warm(getTicket, warmJar, getEvent, invocations), invocations));
        if (listTicketsJar.isPresent()) {
            Variant listTickets = new Variant("list", "list-tickets", "dev.ticketing.functions.ListTicketsHandler",
                    listTicketsJar.get());
            warm.append(Report.warmRow("list-tickets (`events/list-tickets.json`, limit " + Seed.LIST_LIMIT + ")",
                    children.warm(listTickets, warmJar, listEvent, invocations), invocations));
        } else {
            warm.append("| list-tickets | not built: no functions/list-tickets/target/*-lambda.jar | | | | | |\n");
        }
        report.line(warm.toString());
    }

    private static Path own(Path target, String classifier) {
        Path jar = target.resolve("ticketing-bench-cold-start-" + VERSION + "-" + classifier + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run `mvn -f bench/cold-start/pom.xml package` first");
        }
        return jar;
    }

    private static Optional<Path> function(Path root, String name) {
        Path dir = root.resolve("functions").resolve(name).resolve("target");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-lambda.jar")).findFirst()
                    .map(jar -> JarSnapshot.of(jar, root.resolve("bench/cold-start/target/measured")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalStateException missing(String function) {
        return new IllegalStateException("functions/" + function + "/target/*-lambda.jar is missing: build the"
                + " reactor first (mvn -B -q -DskipTests install)");
    }
}
