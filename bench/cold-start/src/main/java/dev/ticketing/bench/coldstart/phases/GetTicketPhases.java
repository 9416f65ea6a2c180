package dev.ticketing.bench.coldstart.phases;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ticketing.Dependencies;
import dev.ticketing.config.Config;
import dev.ticketing.http.ApiResponses;
import dev.ticketing.http.TicketJson;
import dev.ticketing.json.Json;
import dev.ticketing.log.Log;
import dev.ticketing.model.Ticket;
import dev.ticketing.store.dynamodb.DynamoDbClients;
import java.io.ObjectInputStream;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs in a fresh JVM with a function jar: the steps of get-ticket's cold start one at a time, in the order the
 * handler does them, printing each step's milliseconds and classes loaded. Shows where cold-start time goes.
 * Usage: {@code GetTicketPhases <serialised get-ticket event>}.
 */
public final class GetTicketPhases {

    private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();
    private static long last = System.nanoTime();
    private static long lastClasses = CLASSES.getTotalLoadedClassCount();

    private GetTicketPhases() {
    }

    public static void main(String[] args) throws Exception {
        APIGatewayProxyRequestEvent event;
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(Path.of(args[0])))) {
            event = (APIGatewayProxyRequestEvent) in.readObject();
        }
        String instanceId = String.valueOf(event.getRequestContext().getAuthorizer().get("instanceId"));
        step("harness (event read)");
        Config config = Config.fromEnvironment();
        step("Config.fromEnvironment");
        Json.object();
        step("Json: ObjectMapper built");
        DynamoDbClient client = DynamoDbClients.create(config);
        step("DynamoDbClients.create (SDK client)");
        Dependencies dependencies = new Dependencies(config, client);
        step("Dependencies: enhanced client, stores, static schemas");
        client.getItem(r -> r.tableName(config.tableName()).consistentRead(true).key(Map.of(
                "PK", AttributeValue.fromS("INSTANCE#" + instanceId), "SK", AttributeValue.fromS("INSTANCE"))));
        step("first GetItem, raw (SDK request path)");
        dependencies.instanceStore().find(instanceId).orElseThrow();
        step("instanceStore.find (enhanced mapping, definition to Instance record)");
        Ticket ticket = dependencies.ticketStore().findByNumber(instanceId, 1).orElseThrow();
        step("ticketStore.findByNumber (TicketItem to Ticket)");
        String body = Json.write(ApiResponses.item(TicketJson.ticket(ticket, ZoneOffset.UTC)));
        step("TicketJson + Json.write (" + body.length() + " chars)");
        ApiResponses.json(200, Json.object());
        step("ApiResponses (response event)");
        Log.info("request", "route", "GET /tickets/{ticketId}", "status", 200, "durationMs", 1);
        step("Log.info (first log line)");
    }

    private static void step(String name) {
        long now = System.nanoTime();
        long classes = CLASSES.getTotalLoadedClassCount();
        System.out.printf("PHASE | %s | %.0f | %d |%n", name, (now - last) / 1e6, classes - lastClasses);
        last = System.nanoTime();
        lastClasses = CLASSES.getTotalLoadedClassCount();
    }
}
