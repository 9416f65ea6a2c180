package dev.ticketing;

import dev.ticketing.auth.Authenticator;
import dev.ticketing.config.Config;
import dev.ticketing.config.SsmTokenSecrets;
import dev.ticketing.config.TokenSecrets;
import dev.ticketing.metrics.DomainMetrics;
import dev.ticketing.observability.ScopedDomainMetrics;
import dev.ticketing.service.AttachmentService;
import dev.ticketing.service.DeliveryQueue;
import dev.ticketing.service.EventDispatchService;
import dev.ticketing.service.RetrySchedule;
import dev.ticketing.service.WebhookDeliveryService;
import dev.ticketing.service.WebhookService;
import dev.ticketing.service.WebhookTransport;
import dev.ticketing.service.InstanceService;
import dev.ticketing.service.ScheduledAutomation;
import dev.ticketing.service.TicketListService;
import dev.ticketing.service.TicketLifecycleService;
import dev.ticketing.service.TicketService;
import dev.ticketing.store.AttachmentFiles;
import dev.ticketing.store.AttachmentStore;
import dev.ticketing.store.InstanceStore;
import dev.ticketing.store.TicketListing;
import dev.ticketing.store.TicketStore;
import dev.ticketing.store.WebhookStore;
import dev.ticketing.store.dynamodb.ContinuationTokens;
import dev.ticketing.store.dynamodb.DynamoDbAttachmentStore;
import dev.ticketing.store.dynamodb.DynamoDbClients;
import dev.ticketing.store.dynamodb.DynamoDbInstanceStore;
import dev.ticketing.store.dynamodb.DynamoDbTicketListing;
import dev.ticketing.store.dynamodb.DynamoDbTicketStore;
import dev.ticketing.store.dynamodb.DynamoDbTicketTimers;
import dev.ticketing.store.dynamodb.DynamoDbWebhookStore;
import dev.ticketing.validation.WebhookUrls;
import java.time.Clock;
import java.util.function.Supplier;
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
    private final ContinuationTokens continuationTokens;

    /**
     * For tests and local tools: the continuation-token secret comes from {@link Config#localTokenSecret()}, or,
     * with none, listings fail (no default secret exists). Functions use {@link #load(Config)}.
     */
    public Dependencies(Config config, DynamoDbClient client) {
        this(config, client, config.localTokenSecret().map(TokenSecrets::of)
                .<Supplier<TokenSecrets>>map(secrets -> () -> secrets)
                .orElse(Dependencies::noTokenSecret));
    }

    public Dependencies(Config config, DynamoDbClient client, Supplier<TokenSecrets> tokenSecrets) {
        this.config = config;
        this.client = client;
        DomainMetrics.install(ScopedDomainMetrics.INSTANCE);
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        this.continuationTokens = new ContinuationTokens(tokenSecrets);
        this.instanceStore = new DynamoDbInstanceStore(enhanced, config.tableName());
        this.ticketStore = new DynamoDbTicketStore(client, enhanced, config.tableName(), continuationTokens);
    }

    /**
     * A function's dependencies: the continuation-token secret is read now, from the SSM parameter the template
     * names or, for local runs, from the local secret, so a function without one fails its initialisation.
     *
     * @throws IllegalStateException naming what is missing when there is no secret or it cannot be read
     */
    public static Dependencies load(Config config) {
        Supplier<TokenSecrets> tokenSecrets;
        if (config.tokenSecretParameter().isPresent()) {
            tokenSecrets = SsmTokenSecrets.load(config.tokenSecretParameter().get(), SsmTokenSecrets.client(config),
                    SsmTokenSecrets.MAX_AGE);
        } else {
            TokenSecrets local = TokenSecrets.of(config.localTokenSecret().orElseThrow(() ->
                    new IllegalStateException("No continuation-token secret: set " + Config.TOKEN_SECRET_PARAMETER
                            + " to the name of its SSM SecureString (template.yaml does), or, for local runs only, "
                            + Config.TOKEN_SECRET + " to the secret itself")));
            tokenSecrets = () -> local;
        }
        return new Dependencies(config, DynamoDbClients.create(config), tokenSecrets);
    }

    private static TokenSecrets noTokenSecret() {
        throw new IllegalStateException("No continuation-token secret is configured (" + Config.TOKEN_SECRET_PARAMETER
                + " or, for local runs, " + Config.TOKEN_SECRET + ")");
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
        return new TicketListService(ticketListing(), instanceStore, Clock.systemUTC());
    }

    /** The scheduled automation, with its per-run budget. */
    public ScheduledAutomation scheduledAutomation() {
        return new ScheduledAutomation(ticketStore, instanceStore, new DynamoDbTicketTimers(client,
                config.tableName()), Clock.systemUTC(), ScheduledAutomation.RUN_BUDGET);
    }

    public TicketListing ticketListing() {
        return new DynamoDbTicketListing(client, config.tableName(), continuationTokens);
    }

    public TicketLifecycleService ticketLifecycleService() {
        return new TicketLifecycleService(ticketStore, instanceStore, Clock.systemUTC());
    }

    public AttachmentStore attachmentStore() {
        return new DynamoDbAttachmentStore(client, config.tableName(), continuationTokens);
    }

    /** The attachment functions' service; {@code files} is the S3 adapter, which only those functions carry. */
    public AttachmentService attachmentService(AttachmentFiles files) {
        return new AttachmentService(ticketStore, instanceStore, attachmentStore(), files, Clock.systemUTC());
    }

    public WebhookStore webhookStore() {
        return new DynamoDbWebhookStore(client, config.tableName(), continuationTokens);
    }

    /** The SSRF guard, with the sandbox's allowance when the configuration sets it. */
    public WebhookUrls webhookUrls() {
        return new WebhookUrls(config.webhooks().allowLocalUrls(), WebhookUrls.Resolver.system());
    }

    /** The webhook routes' service; {@code queue} is the SQS adapter, which only the queueing functions carry. */
    public WebhookService webhookService(DeliveryQueue queue) {
        return new WebhookService(webhookStore(), queue, webhookUrls(), Clock.systemUTC());
    }

    /** For the webhook routes that queue nothing: a queue that refuses. */
    public WebhookService webhookService() {
        return webhookService(delivery -> {
            throw new IllegalStateException("This function has no delivery queue");
        });
    }

    public EventDispatchService eventDispatchService(DeliveryQueue queue) {
        return new EventDispatchService(webhookStore(), ticketStore, queue, Clock.systemUTC());
    }

    /** The retry schedule of the configuration, or the production one. */
    public RetrySchedule retrySchedule() {
        return config.webhooks().retrySchedule().map(RetrySchedule::parse).orElse(RetrySchedule.PRODUCTION);
    }

    public WebhookDeliveryService webhookDeliveryService(WebhookTransport transport) {
        return new WebhookDeliveryService(webhookStore(), transport, webhookUrls(), retrySchedule(),
                Clock.systemUTC());
    }

    private static final class Holder {
        private static final Dependencies INSTANCE = fromEnvironment();
        // Held here because CRaC keeps resources only weakly; under SnapStart it primes before the snapshot.
        private static final Priming PRIMING = Priming.register(INSTANCE);

        private static Dependencies fromEnvironment() {
            return load(Config.fromEnvironment());
        }
    }
}
