package dev.ticketing.bench.coldstart;

import dev.ticketing.local.dynamodb.LocalDynamoDb;
import dev.ticketing.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts moto seeded as the benchmark seeds it, and the warm series' replaying proxy in front, and keeps them up
 * until standard input closes, for profiling one function by hand (docs/benchmarks-cold-start.md). Usage:
 * {@code SeededEngine [port]}.
 */
public final class SeededEngine {

    private SeededEngine() {
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Path target = Fixtures.projectFile("bench/cold-start/target").toAbsolutePath();
        try (LocalDynamoDb engine = LocalDynamoDb.start(port); ReplayProxy proxy = new ReplayProxy(engine.endpoint())) {
            Seed.load(engine);
            Path listEvent = Seed.listTicketsEvent(target);
            System.out.println("READY " + engine.endpoint() + " replaying proxy " + proxy.endpoint() + " table "
                    + Seed.TABLE + " list event " + listEvent);
            while (System.in.read() >= 0) {
                // Runs until standard input closes.
            }
        }
    }
}
