package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import dev.ticketing.auth.UnauthorizedSignal;
import dev.ticketing.error.ErrorCode;
import dev.ticketing.local.template.AuthorizerSpec;
import dev.ticketing.local.template.Route;
import dev.ticketing.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AuthorizersTest {

    private static final Duration TTL = Duration.ofSeconds(300);
    private static final AuthorizerSpec KEYS = new AuthorizerSpec("Keys", "AuthFn", "com.example.Auth",
            List.of("key"), List.of(), TTL);
    private static final Route ROUTE = new Route("GET", "/tickets/{ticketId}", "GetFn", "com.example.Get",
            Optional.of(KEYS));

    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger calls = new AtomicInteger();
    private final Set<String> validKeys = new HashSet<>(Set.of("key-a"));
    private final RequestHandler<Object, Object> authorizer = (event, context) -> {
        calls.incrementAndGet();
        String key = ((APIGatewayCustomAuthorizerEvent) event).getQueryStringParameters().get("key");
        if (!validKeys.contains(key)) {
            throw new UnauthorizedSignal();
        }
        return Map.of("principalId", key, "context", Map.of("instanceId", "inst-" + key),
                "policyDocument", Map.of("Statement", List.of(Map.of("Effect", "Allow",
                        "Action", "execute-api:Invoke", "Resource", "arn:aws:execute-api:*:*:sandbox/v1/*"))));
    };

    @Test
    void allow_isCachedPerKey_untilTheTtl_evenAfterTheKeyStopsBeingValid() {
        Authorizers authorizers = authorizers(Optional.empty());
        assertThat(authorize(authorizers, "key-a")).isInstanceOf(Authorizers.Outcome.Allowed.class);

        validKeys.remove("key-a");
        clock.advance(TTL.minusMillis(1));
        Authorizers.Outcome stillCached = authorize(authorizers, "key-a");
        clock.advance(Duration.ofMillis(1));
        Authorizers.Outcome expired = authorize(authorizers, "key-a");

        assertThat(stillCached).isInstanceOf(Authorizers.Outcome.Allowed.class);
        assertThat(expired).isInstanceOf(Authorizers.Outcome.Denied.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void refusal_isCachedToo_untilTheTtl() {
        Authorizers authorizers = authorizers(Optional.empty());
        assertThat(authorize(authorizers, "key-b")).isInstanceOf(Authorizers.Outcome.Denied.class);

        validKeys.add("key-b");
        Authorizers.Outcome stillRefused = authorize(authorizers, "key-b");
        clock.advance(TTL);
        Authorizers.Outcome nowAllowed = authorize(authorizers, "key-b");

        assertThat(stillRefused).isInstanceOf(Authorizers.Outcome.Denied.class);
        assertThat(nowAllowed).isInstanceOf(Authorizers.Outcome.Allowed.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void eachKeyValue_hasItsOwnCacheEntry() {
        validKeys.add("key-b");
        Authorizers authorizers = authorizers(Optional.empty());

        Authorizers.Outcome a = authorize(authorizers, "key-a");
        Authorizers.Outcome b = authorize(authorizers, "key-b");

        assertThat(((Authorizers.Outcome.Allowed) a).context()).containsEntry("instanceId", "inst-key-a");
        assertThat(((Authorizers.Outcome.Allowed) b).context()).containsEntry("instanceId", "inst-key-b");
        assertThat(calls).hasValue(2);
    }

    @Test
    void zeroTtl_callsTheAuthorizerEveryTime() {
        Authorizers authorizers = authorizers(Optional.of(Duration.ZERO));

        authorize(authorizers, "key-a");
        authorize(authorizers, "key-a");

        assertThat(calls).hasValue(2);
    }

    @Test
    void authorizerFailure_is500_andNotCached() {
        RequestHandler<Object, Object> failing = (event, context) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("table unreachable");
        };
        Authorizers authorizers = new Authorizers(
                new Functions(Map.of("AuthFn", TestFunctions.authorizer(failing)), Map.of()), clock,
                Optional.empty());

        Authorizers.Outcome first = authorize(authorizers, "key-a");
        authorize(authorizers, "key-a");

        assertThat(((Authorizers.Outcome.Denied) first).error().code()).isEqualTo(ErrorCode.InternalError);
        assertThat(calls).hasValue(2);
    }

    private Authorizers authorizers(Optional<Duration> ttlOverride) {
        return new Authorizers(new Functions(Map.of("AuthFn", TestFunctions.authorizer(authorizer)), Map.of()),
                clock, ttlOverride);
    }

    private static Authorizers.Outcome authorize(Authorizers authorizers, String key) {
        IncomingRequest in = new IncomingRequest("GET", "/tickets/1", "key=" + key, Map.of(), new byte[0],
                "127.0.0.1");
        return authorizers.authorize(KEYS, in, ROUTE, Map.of("ticketId", "1"), "req-1");
    }
}
