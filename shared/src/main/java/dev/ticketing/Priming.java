package dev.ticketing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ticketing.error.ValidationException;
import dev.ticketing.http.ApiResponses;
import dev.ticketing.http.ErrorResponses;
import dev.ticketing.http.TicketJson;
import dev.ticketing.json.Json;
import dev.ticketing.lambda.ApiGatewayHandler;
import dev.ticketing.lambda.LambdaEvents;
import dev.ticketing.model.Instance;
import dev.ticketing.observability.RequestScope;
import dev.ticketing.model.Status;
import dev.ticketing.model.Ticket;
import dev.ticketing.service.NewTicket;
import dev.ticketing.service.TicketListParameters;
import dev.ticketing.service.TicketRequests;
import dev.ticketing.store.dynamodb.SchemaPriming;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.argument.StructuredArguments;

/**
 * SnapStart priming: before Lambda snapshots an initialised function, runs a request's worth of JSON, schema
 * mapping, validation, logging and metrics and reads of keys no instance has, so a restored function starts with
 * that code loaded.
 */
public final class Priming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

    /** Not a UUID, so no real instance can have it: the reads below find nothing and nothing is written. */
    static final String INSTANCE_ID = "snapstart-priming";

    private static final String DEFINITION = """
            {"id": "snapstart-priming", "name": "Priming", "enabled": true,
             "customFields": [{"id": "f1", "name": "Asset tag", "type": "textField", "required": false,
                               "maxLength": 100, "deleted": false}]}
            """;
    private static final String CREATE_BODY = """
            {"ticket": {"title": "Priming", "priority": "Urgent",
                        "requestor": {"id": "p1", "name": "Pat Doe", "email": "pat@example.com"},
                        "customFields": {"f1": "A-1"}},
             "user": {"id": "p1", "name": "Pat Doe", "email": "pat@example.com"}}
            """;

    private static final String PROXY_EVENT = """
            {"resource": "/tickets/{ticketId}", "path": "/tickets/1", "httpMethod": "GET",
             "headers": {"Accept": "application/json"}, "multiValueHeaders": {"Accept": ["application/json"]},
             "queryStringParameters": {"timezone": "0"}, "multiValueQueryStringParameters": {"timezone": ["0"]},
             "pathParameters": {"ticketId": "1"}, "stageVariables": null,
             "requestContext": {"accountId": "000000000000", "stage": "v1", "requestId": "priming",
                                "identity": {"sourceIp": "127.0.0.1"}, "resourcePath": "/tickets/{ticketId}",
                                "httpMethod": "GET", "apiId": "priming", "authorizer": {"instanceId": "p"}},
             "body": null, "isBase64Encoded": false}
            """;

    private final Dependencies dependencies;
    private volatile Primed lastRun;

    Priming(Dependencies dependencies) {
        this.dependencies = dependencies;
    }

    /** Registers priming with the JVM's CRaC context; CRaC holds resources weakly, so keep the result. */
    public static Priming register(Dependencies dependencies) {
        Priming priming = new Priming(dependencies);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            lastRun = prime();
        } catch (RuntimeException | JsonProcessingException e) {
            // Priming only saves time; a failure must not stop the version from being published.
            LOG.warn("priming failed", StructuredArguments.entry("error_type", e.getClass().getName()));
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the SDK client opens new connections when the restored ones turn out stale.
    }

    /** What the last {@link #beforeCheckpoint} did, for tests; null before it ran or when it failed. */
    Primed lastRun() {
        return lastRun;
    }

    private Primed prime() throws JsonProcessingException {
        primeEventCodec();
        Instance instance = Json.MAPPER.treeToValue(Json.parse(DEFINITION), Instance.class);
        NewTicket request = TicketRequests.parseCreate(Json.parse(CREATE_BODY), instance, List.of(), ZoneOffset.UTC);
        int validationErrors = 0;
        try {
            TicketRequests.parseCreate(Json.parse("{\"ticket\": {}}"), instance, List.of(), ZoneOffset.UTC);
        } catch (ValidationException expected) {
            // The error path is primed too: every field error and the error body.
            validationErrors = expected.details().size();
            ErrorResponses.of(expected);
        }
        Ticket ticket = SchemaPriming.roundTrip(ticket(request));
        String body = Json.write(ApiResponses.item(TicketJson.ticket(ticket, ZoneOffset.ofHours(2))));
        boolean instanceFound = read("instance", () -> dependencies.instanceStore().find(INSTANCE_ID).isPresent());
        boolean ticketFound = read("ticket", () -> dependencies.ticketStore().findByNumber(INSTANCE_ID, 1).isPresent());
        // The listing itself: through the service, the primed instance's absence would stop it before its Query.
        boolean listed = read("ticket list", () -> !dependencies.ticketListing()
                .list(TicketListParameters.parse(INSTANCE_ID, name -> Optional.empty(), Optional.empty()))
                .items().isEmpty());
        // Logging and metrics: one line logged, one metric record built but not printed (RequestScope.prime).
        List<String> metricRecord = RequestScope.prime();
        return new Primed(body, validationErrors, instanceFound || ticketFound || listed, metricRecord);
    }

    /**
     * The proxy event read and the proxy response written, as every invocation does through
     * {@link ApiGatewayHandler}.
     */
    private static void primeEventCodec() {
        try {
            APIGatewayProxyRequestEvent event = LambdaEvents.readProxyRequest(new ByteArrayInputStream(
                    PROXY_EVENT.getBytes(StandardCharsets.UTF_8)));
            LambdaEvents.write(ApiResponses.json(200, ApiResponses.item(Json.object().put("path", event.getPath()))),
                    OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One priming read; a read the function may not make (the authorizer has no Query permission) is skipped
     * without stopping the others, since each function's policy allows only what it needs.
     */
    private static boolean read(String what, BooleanSupplier read) {
        try {
            return read.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.info("priming read skipped", StructuredArguments.entry("read", what),
                    StructuredArguments.entry("error_type", e.getClass().getSimpleName()));
            return false;
        }
    }

    private static Ticket ticket(NewTicket r) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return Ticket.builder().instanceId(INSTANCE_ID).id("00000000-0000-4000-8000-000000000000").ticketId(1)
                .title(r.title()).description(r.description()).status(Status.Open).priority(r.priority())
                .requestor(r.requestor()).assignee(r.assignee()).expectedDate(r.expectedDate())
                .customFields(r.customFields()).tags(r.tags()).createdOn(now).createdBy(r.user())
                .lastUpdatedOn(now).lastUpdatedBy(r.user()).lastInteraction(now).version(1).build();
    }

    /**
     * @param renderedTicket the response body rendered for the primed ticket
     * @param validationErrors field errors found in the deliberately invalid body
     * @param readFoundData whether a priming read found anything (it never should)
     * @param metricRecord the EMF record built for the made-up request, never printed
     */
    record Primed(String renderedTicket, int validationErrors, boolean readFoundData, List<String> metricRecord) {
    }
}
