package dev.ticketing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.config.TokenSecrets;
import dev.ticketing.store.InvalidPageRequestException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ContinuationTokensTest {

    private static final Map<String, AttributeValue> KEY = Map.of(
            "PK", AttributeValue.fromS("INSTANCE#a#TICKET#0000000001"),
            "SK", AttributeValue.fromS("TICKET"),
            "n", AttributeValue.fromN("42"));
    private final ContinuationTokens tokens = new ContinuationTokens("secret");

    @Test
    void decode_returnsTheEncodedKey_forTheSameInstanceAndQuery() {
        String token = tokens.encode("a", "q1", KEY);

        assertThat(tokens.decode(token, "a", "q1")).isEqualTo(KEY);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void decode_rejectsTokenOfAnotherInstance() {
        String token = tokens.encode("a", "q1", KEY);

        assertRejected(() -> tokens.decode(token, "b", "q1"));
    }

    @Test
    void decode_rejectsTokenOfAnotherQuery() {
        String token = tokens.encode("a", "q1", KEY);

        assertRejected(() -> tokens.decode(token, "a", "q2"));
    }

    @Test
    void decode_rejectsTokenSignedWithAnotherSecret() {
        String token = new ContinuationTokens("other deployment").encode("a", "q1", KEY);

        assertRejected(() -> tokens.decode(token, "a", "q1"));
    }

    @Test
    void decode_acceptsTokenSignedWithThePreviousSecret_onlyWhileItIsStillThePreviousOne() {
        AtomicReference<TokenSecrets> secrets = new AtomicReference<>(TokenSecrets.of("old"));
        ContinuationTokens rotating = new ContinuationTokens(secrets::get);
        String issuedBeforeRotation = rotating.encode("a", "q1", KEY);

        secrets.set(new TokenSecrets("new", Optional.of("old")));
        String issuedAfterRotation = rotating.encode("a", "q1", KEY);

        assertThat(rotating.decode(issuedBeforeRotation, "a", "q1")).isEqualTo(KEY);
        assertThat(new ContinuationTokens("new").decode(issuedAfterRotation, "a", "q1")).isEqualTo(KEY);
        assertRejected(() -> new ContinuationTokens("old").decode(issuedAfterRotation, "a", "q1"));

        secrets.set(TokenSecrets.of("new"));
        assertRejected(() -> rotating.decode(issuedBeforeRotation, "a", "q1"));
    }

    @Test
    void decode_rejectsAlteredPayload() {
        String token = tokens.encode("a", "q1", KEY);
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"PK\":{\"S\":\"INSTANCE#b#TICKET#0000000001\"},\"SK\":{\"S\":\"TICKET\"},\"n\":{\"N\":\"42\"}}"
                        .getBytes());
        String altered = forgedPayload + token.substring(token.indexOf('.'));

        assertRejected(() -> tokens.decode(altered, "a", "q1"));
    }

    @Test
    void decode_rejectsMalformedTokens() {
        for (String bad : new String[] {"", "abc", "a.b.c", ".x", "!!!.###", "e30.AAAA"}) {
            assertRejected(() -> tokens.decode(bad, "a", "q1"));
        }
    }

    private static void assertRejected(Runnable decode) {
        assertThatThrownBy(decode::run)
                .isInstanceOfSatisfying(InvalidPageRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("continuationToken"));
    }
}
