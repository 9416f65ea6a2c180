package dev.ticketing.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.auth.UnauthorizedSignal;
import dev.ticketing.json.Json;
import dev.ticketing.metrics.DomainMetrics;
import dev.ticketing.model.ActivityType;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testing.StandardOutput;
import dev.ticketing.testing.TestLambdaContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The log lines and metric records of one invocation, as the functions print them: from the samples of events/,
 * whose {@code key} query parameter holds the demo instance's key.
 */
class RequestScopeTest {

    private static final TestLambdaContext CONTEXT = new TestLambdaContext("lambda-request-1", "ListTicketsFunction",
            "7");

    @BeforeAll
    static void countThroughTheScope() {
        DomainMetrics.install(ScopedDomainMetrics.INSTANCE);
    }

    @Test
    void answeredRequest_logsOneRequestLine_withTheGatewayRequestIdAsCorrelationId_andTheLambdaContext() {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("get-ticket.json");

        List<JsonNode> output = json(StandardOutput.capture(() -> RequestScope.open(event, CONTEXT).close(200)));

        assertThat(output).hasSize(1);
        JsonNode line = output.get(0);
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("message").asText()).isEqualTo("request");
        assertThat(line.path("correlation_id").asText()).isEqualTo(event.getRequestContext().getRequestId());
        assertThat(line.path("instance_id").asText()).isEqualTo(Fixtures.DEMO_INSTANCE_ID);
        assertThat(line.path("function_name").asText()).isEqualTo("ListTicketsFunction");
        assertThat(line.path("function_version").asText()).isEqualTo("7");
        assertThat(line.path("function_request_id").asText()).isEqualTo("lambda-request-1");
        assertThat(line.path("cold_start").isBoolean()).isTrue();
        assertThat(line.path("route").asText()).isEqualTo("GET /tickets/{ticketId}");
        assertThat(line.path("status").asInt()).isEqualTo(200);
        assertThat(line.path("outcome").asText()).isEqualTo("Success");
        assertThat(line.path("duration_ms").isNumber()).isTrue();
    }

    @Test
    void answeredRequestThatCountedNothing_printsNoMetricRecord() {
        List<String> output = StandardOutput.capture(() ->
                RequestScope.open(Fixtures.proxyEvent("get-ticket.json"), CONTEXT).close(200));

        assertThat(output).noneMatch(line -> line.contains("_aws"));
    }

    @Test
    void domainCounts_ofOneInvocation_areOneEmfRecord_withRouteAndOutcomeDimensions() {
        List<JsonNode> output = json(StandardOutput.capture(() -> {
            RequestScope scope = RequestScope.open(Fixtures.proxyEvent("list-tickets.json"), CONTEXT);
            DomainMetrics.current().listItemsRead(30);
            DomainMetrics.current().listItemsRead(20);
            DomainMetrics.current().listItemsReturned(10);
            scope.close(200);
        }));

        JsonNode record = emf(output);
        assertThat(record.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("Ticketing");
        assertThat(Json.write(record.at("/_aws/CloudWatchMetrics/0/Dimensions")))
                .isEqualTo("[[\"Service\"],[\"Service\",\"Route\",\"Outcome\"],[\"Service\",\"Outcome\"]]");
        assertThat(record.path("Route").asText()).isEqualTo("GET:/tickets");
        assertThat(record.path("Outcome").asText()).isEqualTo("Success");
        assertThat(record.path("ListItemsRead").asDouble()).isEqualTo(50.0);
        assertThat(record.path("ListItemsReturned").asDouble()).isEqualTo(10.0);
        assertThat(record.path("ListItemsReadPerReturned").asDouble()).isEqualTo(5.0);
    }

    @Test
    void everyDomainCount_hasItsMetric() {
        List<JsonNode> output = json(StandardOutput.capture(() -> {
            RequestScope scope = RequestScope.open(Fixtures.proxyEvent("create-ticket.json"), CONTEXT);
            DomainMetrics metrics = DomainMetrics.current();
            metrics.ticketCreated();
            metrics.ticketChanged(ActivityType.update);
            metrics.ticketChanged(ActivityType.statusChange);
            metrics.ticketChanged(ActivityType.comment);
            metrics.ticketChanged(ActivityType.comment);
            metrics.idempotentReplay();
            metrics.writeConflictRetried();
            scope.close(201);
        }));

        JsonNode record = emf(output);
        assertThat(record.path("TicketsCreated").asDouble()).isEqualTo(1.0);
        assertThat(record.path("TicketUpdates").asDouble()).isEqualTo(1.0);
        assertThat(record.path("StatusChanges").asDouble()).isEqualTo(1.0);
        assertThat(record.path("Comments").asDouble()).isEqualTo(2.0);
        assertThat(record.path("IdempotentReplays").asDouble()).isEqualTo(1.0);
        assertThat(record.path("WriteConflictsRetried").asDouble()).isEqualTo(1.0);
    }

    @Test
    void countsOutsideAnInvocation_goNowhere() {
        List<String> output = StandardOutput.capture(() -> DomainMetrics.current().ticketCreated());

        assertThat(output).isEmpty();
        assertThat(RequestScope.current()).isEmpty();
    }

    @Test
    void refusal_isAClientErrorOfItsCode_inTheLineAndTheRecord() {
        List<JsonNode> output = json(StandardOutput.capture(() -> {
            RequestScope scope = RequestScope.open(Fixtures.proxyEvent("get-ticket.json"), CONTEXT);
            scope.refused("NotFound");
            scope.close(404);
        }));

        assertThat(output.get(0).path("outcome").asText()).isEqualTo("NotFound");
        JsonNode record = emf(output);
        assertThat(record.path("Outcome").asText()).isEqualTo("NotFound");
        assertThat(record.path("ClientErrors").asDouble()).isEqualTo(1.0);
    }

    @Test
    void failure_isLoggedWithTypeMessageAndStack_theRequestsKeysMasked_andCountsAServerError() {
        APIGatewayProxyRequestEvent event = Fixtures.proxyEvent("get-ticket.json");
        String key = event.getQueryStringParameters().get("key");
        event.setHeaders(Map.of("X-Api-Key", "header-key-0123456789"));

        List<String> lines = StandardOutput.capture(() -> {
            RequestScope scope = RequestScope.open(event, CONTEXT);
            scope.failed(new IllegalStateException("No enum constant Status." + key + " nor header-key-0123456789",
                    new IllegalArgumentException("cause with " + key)));
            scope.close(500);
        });

        assertThat(String.join("\n", lines)).doesNotContain(key).doesNotContain("header-key-0123456789");
        List<JsonNode> output = json(lines);
        JsonNode failure = output.get(0);
        assertThat(failure.path("level").asText()).isEqualTo("ERROR");
        assertThat(failure.path("message").asText()).isEqualTo("request failed");
        assertThat(failure.path("correlation_id").asText()).isEqualTo(event.getRequestContext().getRequestId());
        assertThat(failure.at("/failure/type").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(failure.at("/failure/message").asText())
                .isEqualTo("No enum constant Status.[redacted] nor [redacted]");
        assertThat(failure.at("/failure/stack").asText()).contains("Caused by: java.lang.IllegalArgumentException: "
                + "cause with [redacted]", "at dev.ticketing.observability.RequestScopeTest");
        assertThat(output.get(1).path("outcome").asText()).isEqualTo("InternalError");
        assertThat(emf(output).path("ServerErrors").asDouble()).isEqualTo(1.0);
    }

    @Test
    void authorizer_allowing_logsTheKeysInstance_andRefusing_isA401Unauthorized_rethrown() {
        APIGatewayCustomAuthorizerEvent event = Fixtures.authorizerEvent("authorizer.json");
        String key = event.getQueryStringParameters().get("key");

        List<String> lines = StandardOutput.capture(() -> {
            RequestScope.authorize(event, CONTEXT, () -> {
                RequestScope.instance(Fixtures.DEMO_INSTANCE_ID);
                RequestScope.note("key_slot", "primary");
                return "allowed";
            });
            assertThatThrownBy(() -> RequestScope.authorize(event, CONTEXT, () -> {
                throw new UnauthorizedSignal();
            })).isInstanceOf(UnauthorizedSignal.class);
        });

        assertThat(String.join("\n", lines)).doesNotContain(key);
        List<JsonNode> output = json(lines);
        assertThat(output.get(0).path("route").asText()).isEqualTo("authorizer");
        assertThat(output.get(0).path("status").asInt()).isEqualTo(200);
        assertThat(output.get(0).path("instance_id").asText()).isEqualTo(Fixtures.DEMO_INSTANCE_ID);
        assertThat(output.get(0).path("key_slot").asText()).isEqualTo("primary");
        assertThat(output.get(1).path("status").asInt()).isEqualTo(401);
        assertThat(output.get(1).path("outcome").asText()).isEqualTo("Unauthorized");
        assertThat(output.get(1).has("instance_id")).as("each invocation starts without the last one's fields")
                .isFalse();
        assertThat(emf(output).path("ClientErrors").asDouble()).isEqualTo(1.0);
    }

    private static JsonNode emf(List<JsonNode> output) {
        List<JsonNode> records = output.stream().filter(line -> line.has("_aws")).toList();
        assertThat(records).as("one EMF record in %s", output).hasSize(1);
        return records.get(0);
    }

    private static List<JsonNode> json(List<String> lines) {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : lines) {
            try {
                parsed.add(Json.MAPPER.readTree(line));
            } catch (JsonProcessingException e) {
                throw new AssertionError("Not a JSON line: " + line, e);
            }
        }
        return parsed;
    }
}
