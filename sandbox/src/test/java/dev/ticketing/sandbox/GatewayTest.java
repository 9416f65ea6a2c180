package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.auth.UnauthorizedSignal;
import dev.ticketing.json.Json;
import dev.ticketing.local.template.AuthorizerSpec;
import dev.ticketing.local.template.Route;
import dev.ticketing.local.template.UsagePlan;
import dev.ticketing.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GatewayTest {

    private static final String GOOD_KEY = "good-key";
    private static final AuthorizerSpec KEYS = new AuthorizerSpec("Keys", "AuthFn", "com.example.Auth",
            List.of("key"), List.of(), Duration.ofSeconds(300));
    private static final Route GET_TICKET = new Route("GET", "/tickets/{ticketId}", "GetFn", "com.example.Get",
            Optional.of(KEYS));
    private static final Route BROKEN = new Route("GET", "/broken", "BrokenFn", "com.example.Broken",
            Optional.of(KEYS));
    private static final Route OPEN = new Route("GET", "/open", "OpenFn", "com.example.Open", Optional.empty());
    private static final Route LIMITED = new Route("GET", "/limited", "GetFn", "com.example.Get", Optional.of(KEYS),
            Optional.of(new UsagePlan("Plan", 100, 100.0 / 60)));
    private static final String OTHER_KEY = "other-key";

    private final AtomicInteger authorizerCalls = new AtomicInteger();
    private final List<APIGatewayProxyRequestEvent> received = new ArrayList<>();
    private String allowedResource = "arn:aws:execute-api:us-east-1:000000000000:sandbox/v1/*";

    private final RequestHandler<Object, Object> authorizer = (event, context) -> {
        authorizerCalls.incrementAndGet();
        Map<String, String> query = ((APIGatewayCustomAuthorizerEvent) event).getQueryStringParameters();
        if (!GOOD_KEY.equals(query.get("key")) && !OTHER_KEY.equals(query.get("key"))) {
            throw new UnauthorizedSignal();
        }
        String instance = GOOD_KEY.equals(query.get("key")) ? "inst-1" : "inst-2";
        return Map.of("principalId", instance, "usageIdentifierKey", "usage-" + instance,
                "policyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Action", "execute-api:Invoke", "Effect", "Allow", "Resource", allowedResource))),
                "context", Map.of("instanceId", instance, "tier", 2));
    };

    private final RequestHandler<Object, Object> recorder = (event, context) -> {
        received.add((APIGatewayProxyRequestEvent) event);
        return new APIGatewayProxyResponseEvent().withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json")).withBody("{\"ok\":true}");
    };

    private final RequestHandler<Object, Object> thrower = (event, context) -> {
        throw new IllegalStateException("boom");
    };

    private final SettableClock clock = new SettableClock(Instant.EPOCH);
    private final Gateway gateway = new Gateway(new Router(List.of(GET_TICKET, BROKEN, OPEN, LIMITED)),
            new Functions(Map.of("AuthFn", TestFunctions.authorizer(authorizer), "GetFn", TestFunctions.proxy(recorder),
                    "BrokenFn", TestFunctions.proxy(thrower), "OpenFn", TestFunctions.proxy(recorder)),
                    Map.of()),
            new Authorizers(new Functions(Map.of("AuthFn", TestFunctions.authorizer(authorizer)), Map.of()), clock,
                    Optional.empty()),
            clock);

    @Test
    void usagePlan_101stRequestOfABurst_is429WithTheJsonErrorAndRetryAfter_withoutCallingTheFunction() {
        for (int i = 0; i < 100; i++) {
            assertThat(gateway.handle(get("/limited", "key=" + GOOD_KEY)).status()).as("request %d", i + 1)
                    .isEqualTo(200);
        }

        OutgoingResponse refused = gateway.handle(get("/limited", "key=" + GOOD_KEY));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(code(refused)).isEqualTo("TooManyRequests");
        assertThat(refused.header("Retry-After")).containsExactly("1");
        assertThat(refused.header("Content-Type")).containsExactly("application/json");
        assertThat(received).hasSize(100);
    }

    @Test
    void usagePlan_anotherInstance_isUnaffected_andTheLimitRecoversAsTokensRefill() {
        for (int i = 0; i < 100; i++) {
            gateway.handle(get("/limited", "key=" + GOOD_KEY));
        }
        assertThat(gateway.handle(get("/limited", "key=" + GOOD_KEY)).status()).isEqualTo(429);

        assertThat(gateway.handle(get("/limited", "key=" + OTHER_KEY)).status()).isEqualTo(200);

        clock.advance(Duration.ofMillis(600));
        assertThat(gateway.handle(get("/limited", "key=" + GOOD_KEY)).status()).isEqualTo(200);
        assertThat(gateway.handle(get("/limited", "key=" + GOOD_KEY)).status()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(60));
        for (int i = 0; i < 100; i++) {
            assertThat(gateway.handle(get("/limited", "key=" + GOOD_KEY)).status()).isEqualTo(200);
        }
    }

    @Test
    void usagePlan_countsOnlyAuthorizedRequests_andRoutesWithoutAPlanAreNeverThrottled() {
        for (int i = 0; i < 150; i++) {
            gateway.handle(get("/limited", "key=wrong"));
            assertThat(gateway.handle(get("/tickets/1", "key=" + GOOD_KEY)).status()).isEqualTo(200);
        }

        assertThat(gateway.handle(get("/limited", "key=" + GOOD_KEY)).status()).isEqualTo(200);
    }

    @Test
    void missingKey_is401WithTheJsonErrorBody_withoutCallingTheAuthorizer() {
        OutgoingResponse response = gateway.handle(get("/tickets/1", "timezone=0"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(code(response)).isEqualTo("Unauthorized");
        assertThat(authorizerCalls).hasValue(0);
        assertThat(received).isEmpty();
    }

    @Test
    void emptyKey_is401_withoutCallingTheAuthorizer() {
        assertThat(gateway.handle(get("/tickets/1", "key=")).status()).isEqualTo(401);
        assertThat(authorizerCalls).hasValue(0);
    }

    @Test
    void refusedKey_is401() {
        OutgoingResponse response = gateway.handle(get("/tickets/1", "key=bad-key"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(code(response)).isEqualTo("Unauthorized");
        assertThat(received).isEmpty();
    }

    @Test
    void allowedRequest_reachesTheFunction_withTheAuthorizerContextAsStrings_andTheRequestIdItIsAnsweredWith() {
        OutgoingResponse response = gateway.handle(get("/tickets/a%20b", "key=" + GOOD_KEY + "&tag=x&tag=y"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(received).hasSize(1);
        APIGatewayProxyRequestEvent event = received.get(0);
        assertThat(event.getRequestContext().getAuthorizer())
                .containsEntry("instanceId", "inst-1")
                .containsEntry("principalId", "inst-1")
                .containsEntry("tier", "2");
        assertThat(event.getPathParameters()).containsEntry("ticketId", "a b");
        assertThat(event.getMultiValueQueryStringParameters()).containsEntry("tag", List.of("x", "y"));
        assertThat(response.header(Gateway.REQUEST_ID_HEADER))
                .containsExactly(event.getRequestContext().getRequestId());
    }

    @Test
    void policyThatDoesNotCoverTheMethod_is403() {
        allowedResource = "arn:aws:execute-api:us-east-1:000000000000:sandbox/v1/POST/*";

        OutgoingResponse response = gateway.handle(get("/tickets/1", "key=" + GOOD_KEY));

        assertThat(response.status()).isEqualTo(403);
        assertThat(code(response)).isEqualTo("Forbidden");
        assertThat(received).isEmpty();
    }

    @Test
    void functionThatThrows_is502WithAJsonErrorBody() {
        OutgoingResponse response = gateway.handle(get("/broken", "key=" + GOOD_KEY));

        assertThat(response.status()).isEqualTo(502);
        assertThat(code(response)).isEqualTo("BadGateway");
        assertThat(response.header("Content-Type")).containsExactly("application/json");
    }

    @Test
    void routeWithoutAuthorizer_isServedWithoutAKey() {
        OutgoingResponse response = gateway.handle(get("/open", null));

        assertThat(response.status()).isEqualTo(200);
        assertThat(received.get(0).getRequestContext().getAuthorizer()).isNull();
    }

    @Test
    void unknownRoute_is404NotFound_andWrongMethod_is405WithAllow() {
        OutgoingResponse notFound = gateway.handle(get("/nowhere", "key=" + GOOD_KEY));
        OutgoingResponse notAllowed = gateway.handle(new IncomingRequest("DELETE", "/tickets/1", "key=" + GOOD_KEY,
                Map.of(), new byte[0], "127.0.0.1"));

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(code(notFound)).isEqualTo("NotFound");
        assertThat(notAllowed.status()).isEqualTo(405);
        assertThat(notAllowed.header("Allow")).containsExactly("GET");
        assertThat(authorizerCalls).hasValue(0);
    }

    @Test
    void malformedPercentEncoding_is400() {
        OutgoingResponse response = gateway.handle(get("/tickets/1", "key=%zz"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(code(response)).isEqualTo("BadRequest");
    }

    private static IncomingRequest get(String rawPath, String rawQuery) {
        return new IncomingRequest("GET", rawPath, rawQuery, Map.of(), new byte[0], "127.0.0.1");
    }

    private static String code(OutgoingResponse response) {
        try {
            JsonNode body = Json.parse(response.bodyText());
            return body.path("code").asText();
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.bodyText(), e);
        }
    }
}
