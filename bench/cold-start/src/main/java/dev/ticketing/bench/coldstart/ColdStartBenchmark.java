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
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant("floor", "(a) floor: constant answer", "dev.ticketing.bench.coldstart.floor.FloorHandler",
                        own(target, "floor")),
                new Variant("raw", "(b) one raw GetItem, our client settings",
                        "dev.ticketing.bench.coldstart.raw.RawGetItemHandler", own(target, "raw")),
                new Variant("ours", "(c) get-ticket (ours)", "dev.ticketing.functions.GetTicketHandler",
                        function(root, "get-ticket").orElseThrow(() -> missing("get-ticket"))),
                new Variant("naive", "(d) get-ticket, tutorial style",
                        "dev.ticketing.bench.coldstart.naive.NaiveGetTicketHandler", own(target, "naive"))));
        // SnapStart cannot run here; this shows what priming leaves for the first invocation after a restore.
        variants.add(new Variant("primed", "(c') get-ticket, priming run in init (SnapStart stand-in)",
                variants.get(2).handler(), variants.get(2).jar(), true));
        for (int i = 2; i < args.length; i++) {
            String[] extra = args[i].split("=", 3);
            variants.add(new Variant(extra[0], extra[0], extra[1], Path.of(extra[2]).toAbsolutePath()));
        }

        Report report = new Report();
        try (LocalDynamoDb engine = LocalDynamoDb.start()) {
            Seed.load(engine);
            Path getEvent = Seed.getTicketEvent(target);
            Path listEvent = Seed.listTicketsEvent(target);
            Children children = new Children(Map.of(
                    "TABLE_NAME", Seed.TABLE,
                    "DYNAMODB_ENDPOINT", engine.endpoint().toString(),
                    "AWS_REGION", "us-east-1",
                    "AWS_ACCESS_KEY_ID", "bench",
                    "AWS_SECRET_ACCESS_KEY", "bench",
                    "CONTINUATION_TOKEN_SECRET", "bench-secret"));
            Path harness = own(target, "harness");
            Map<String, List<ColdRun>> cold = new LinkedHashMap<>();
            variants.forEach(v -> cold.put(v.id(), new ArrayList<>()));
            // Round 0 is discarded: it warms moto and the OS file cache, which Lambda's fleet has warm too.
            for (int round = 0; round <= runs; round++) {
                for (Variant v : variants) {
                    ColdRun run = children.cold(v, harness, getEvent);
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
            report.line(Report.ratioHeader() + report.ratios("ours", "raw") + report.ratios("naive", "ours")
                    + report.ratios("raw", "floor") + report.ratios("primed", "raw") + variants.stream().skip(5)
                    .map(v -> report.ratios(v.id(), "raw") + report.ratios("naive", v.id()))
                    .reduce("", String::concat));
            report.line("## Warm: one JVM per function, same flags, handler's own time = total - time inside"
                    + " DynamoDB calls (SDK interceptor); repeated reads answered by a replaying proxy");
            report.line("");
            ReplayProxy proxy = new ReplayProxy(engine.endpoint());
            children = new Children(Map.of(
                    "TABLE_NAME", Seed.TABLE,
                    "DYNAMODB_ENDPOINT", proxy.endpoint().toString(),
                    "AWS_REGION", "us-east-1",
                    "CONTINUATION_TOKEN_SECRET", "bench-secret"));
            StringBuilder warm = new StringBuilder(Report.warmHeader());
            Path warmJar = own(target, "warm");
            warm.append(Report.warmRow("get-ticket (`events/get-ticket.json`)", children.warm(variants.get(2),
                    warmJar, getEvent, invocations), invocations));
            Optional<Path> list = function(root, "list-tickets");
            if (list.isPresent()) {
                Variant listTickets = new Variant("list", "list-tickets", "dev.ticketing.functions.ListTicketsHandler",
                        list.get());
                warm.append(Report.warmRow("list-tickets (`events/list-tickets.json`, limit " + Seed.LIST_LIMIT + ")",
                        children.warm(listTickets, warmJar, listEvent, invocations), invocations));
            } else {
                warm.append("| list-tickets | not built: no functions/list-tickets/target/*-lambda.jar | | | | | |\n");
            }
            report.line(warm.toString());
            proxy.close();
        }
        System.out.println(report.text());
        report.write(target.resolve("cold-start-results.md"));
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
