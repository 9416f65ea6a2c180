package dev.ticketing;

import dev.ticketing.auth.Authenticator;
import dev.ticketing.config.Config;
import dev.ticketing.service.InstanceService;
import dev.ticketing.service.TicketListService;
import dev.ticketing.service.TicketLifecycleService;
import dev.ticketing.service.TicketService;
import dev.ticketing.store.InstanceStore;
import dev.ticketing.store.TicketStore;
import dev.ticketing.store.dynamodb.ContinuationTokens;
import dev.ticketing.store.dynamodb.DynamoDbClients;
import dev.ticketing.store.dynamodb.DynamoDbInstanceStore;
import dev.ticketing.store.dynamodb.DynamoDbTicketListing;
import dev.ticketing.store.dynamodb.DynamoDbTicketStore;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real object graph, built once per container (Lambda reuses it across invocations). Handlers'
 * no-argument constructors take what they need from {@link #get()}; tests build their own.
 */
public final class Dependencies {

    private final Config config;
    private final DynamoDbClient client;
    private final InstanceStore instanceStore;
    private final TicketStore ticketStore;

    public Dependencies(Config config, DynamoDbClient client) {
        this.config = config;
        this.client = client;
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        this.instanceStore = new DynamoDbInstanceStore(enhanced, config.tableName());
        this.ticketStore = new DynamoDbTicketStore(client, enhanced, config.tableName(),
                new ContinuationTokens(config.tokenSecret()));
    }

    /** The container-wide instance, built on first use from the environment. */
    public static Dependencies get() {
        return Holder.INSTANCE;
    }

    public Config config() {
        return config;
    }

    public DynamoDbClient client() {
        return client;
    }

    public InstanceStore instanceStore() {
        return instanceStore;
    }

    public TicketStore ticketStore() {
        return ticketStore;
    }

    public Authenticator authenticator() {
        return new Authenticator(instanceStore);
    }

    public InstanceService instanceService() {
        return new InstanceService(instanceStore);
    }

    public TicketService ticketService() {
        return new TicketService(ticketStore, instanceStore, Clock.systemUTC());
    }

    public TicketListService ticketListService() {
        return new TicketListService(new DynamoDbTicketListing(client, config.tableName(),
                new ContinuationTokens(config.tokenSecret())));
    }

    public TicketLifecycleService ticketLifecycleService() {
        return new TicketLifecycleService(ticketStore, instanceStore, Clock.systemUTC());
    }

    private static final class Holder {
        private static final Dependencies INSTANCE = fromEnvironment();
        // Held here because CRaC keeps resources only weakly; under SnapStart it primes before the snapshot.
        private static final Priming PRIMING = Priming.register(INSTANCE);

        private static Dependencies fromEnvironment() {
            Config config = Config.fromEnvironment();
            return new Dependencies(config, DynamoDbClients.create(config));
        }
    }
}
