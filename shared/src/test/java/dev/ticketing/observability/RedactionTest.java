package dev.ticketing.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.auth.ApiKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void masksTheKeyParameter_andCredentialHeaders_inAnyCase_singleOrMultiValued() {
        Redaction redaction = Redaction.of(Map.of("key", "query-key-0123456789"),
                Map.of("key", List.of("query-key-0123456789", "second-key-0123456789")),
                Map.of("X-API-Key", "header-key-0123456789", "Authorization", "Bearer token-0123456789"),
                Map.of("Cookie", List.of("session=cookie-0123456789")));

        assertThat(redaction.apply("a query-key-0123456789 b second-key-0123456789 c header-key-0123456789 d "
                + "Bearer token-0123456789 e session=cookie-0123456789"))
                .isEqualTo("a [redacted] b [redacted] c [redacted] d [redacted] e [redacted]");
    }

    @Test
    void masksAnythingShapedLikeOurKeys_evenFromNoParameter() {
        String key = ApiKeys.generate();

        assertThat(Redaction.NONE.apply("No enum constant Status." + key + "."))
                .isEqualTo("No enum constant Status.[redacted].");
    }

    @Test
    void leavesOtherText_otherHeaders_shortValues_andLongerTokensAlone() {
        Redaction redaction = Redaction.of(Map.of("key", "short", "timezone", "Europe/Paris-0123456789"), null,
                Map.of("User-Agent", "curl/8.5.0-0123456789"), null);
        String hex = "a".repeat(64);

        assertThat(redaction.apply("short curl/8.5.0-0123456789 Europe/Paris-0123456789 " + hex))
                .isEqualTo("short curl/8.5.0-0123456789 Europe/Paris-0123456789 " + hex);
        assertThat(redaction.apply(null)).isNull();
    }
}
