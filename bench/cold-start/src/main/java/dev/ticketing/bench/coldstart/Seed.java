package dev.ticketing.bench.coldstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.config.Config;
import dev.ticketing.local.dynamodb.LocalDynamoDb;
import dev.ticketing.service.TicketService;
import dev.ticketing.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The engine's data, as the tests seed it: the demo instance under the id and key of events/, its ticket 1 from the
 * reference's first example, and enough more tickets for a full list page of 50.
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

    /** events/list-tickets.json with {@code limit=50}, written into {@code dir}; the warm series' list event. */
    static Path listTicketsEvent(Path dir) {
        ObjectMapper json = new ObjectMapper();
        try {
            ObjectNode event = (ObjectNode) json.readTree(Fixtures.projectFile("events/list-tickets.json").toFile());
            String limit = Integer.toString(LIST_LIMIT);
            ((ObjectNode) event.path("queryStringParameters")).put("limit", limit);
            ((ArrayNode) event.path("multiValueQueryStringParameters").path("limit")).removeAll().add(limit);
            Path file = dir.resolve("list-tickets-limit-" + LIST_LIMIT + ".json");
            json.writeValue(file.toFile(), event);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
