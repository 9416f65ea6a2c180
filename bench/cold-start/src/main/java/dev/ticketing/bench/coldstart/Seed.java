package dev.ticketing.bench.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ticketing.Dependencies;
import dev.ticketing.config.Config;
import dev.ticketing.service.TicketService;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.LocalDynamoDb;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's data and the events the children replay: the demo instance under the id and key of events/, its
 * ticket 1 from the reference's first example, and enough more tickets for a full list page of 50.
 */
final class Seed {

    static final String TABLE = "bench-cold-start";
    static final int TICKETS = 60;
    static final int LIST_LIMIT = 50;

    private Seed() {
    }

    static void load(LocalDynamoDb engine) {
        engine.createTable(TABLE);
        Config config = Config.from(Map.of(Config.TABLE_NAME, TABLE,
                Config.DYNAMODB_ENDPOINT, engine.endpoint().toString()));
        Dependencies dependencies = new Dependencies(config, engine.client());
        Fixtures.createDemoInstance(dependencies, Fixtures.DEMO_INSTANCE_ID, Fixtures.DEMO_PRIMARY_KEY);
        TicketService tickets = dependencies.ticketService();
        for (int i = 0; i < TICKETS; i++) {
            String example = i % 2 == 0 ? "create-ticket-example-1.json" : "create-ticket-example-2.json";
            tickets.create(Fixtures.DEMO_INSTANCE_ID, Fixtures.referenceExampleJson(example));
        }
    }

    /** events/get-ticket.json, serialised so that a child reads it without any JSON library. */
    static Path getTicketEvent(Path dir) {
        return write(Fixtures.proxyEvent("get-ticket.json"), dir.resolve("get-ticket.ser"));
    }

    /** events/list-tickets.json with {@code limit=50}. */
    static Path listTicketsEvent(Path dir) {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("list-tickets.json");
        Map<String, String> single = new HashMap<>(event.getQueryStringParameters());
        single.put("limit", Integer.toString(LIST_LIMIT));
        Map<String, List<String>> multi = new HashMap<>(event.getMultiValueQueryStringParameters());
        multi.put("limit", List.of(Integer.toString(LIST_LIMIT)));
        event.setQueryStringParameters(single);
        event.setMultiValueQueryStringParameters(multi);
        return write(event, dir.resolve("list-tickets.ser"));
    }

    private static Path write(APIGatewayProxyRequestEvent event, Path file) {
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(event);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
