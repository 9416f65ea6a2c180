package dev.ticketing.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.service.RetrySchedule;
import dev.ticketing.service.WebhookSignatures;
import dev.ticketing.validation.WebhookUrls;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The signature recipe, the retry schedule and the address rules, on fixed values. */
class WebhookRulesTest {

    @Test
    void signature_isHexHmacSha256_ofTimestampDotBody_keyedWithTheSecret() {
        // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookSignatures.header("whsec_test", 1_700_000_000L, "{\"a\":1}"))
                .isEqualTo("t=1700000000,v1=" + WebhookSignatures.hmac("whsec_test", "1700000000.{\"a\":1}"))
                .matches("t=1700000000,v1=[0-9a-f]{64}");
        assertThat(WebhookSignatures.hmac("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void productionSchedule_makesTenAttempts_overAboutADay_eachDelayWithinSqsVisibilityLimit() {
        RetrySchedule schedule = RetrySchedule.PRODUCTION;
        Duration total = schedule.delays().stream().reduce(Duration.ZERO, Duration::plus);

        assertThat(schedule.maxAttempts()).isEqualTo(10);
        assertThat(total).isBetween(Duration.ofHours(23), Duration.ofHours(24));
        assertThat(schedule.after(1)).contains(Duration.ofSeconds(30));
        assertThat(schedule.after(9)).contains(Duration.ofHours(8));
        assertThat(schedule.after(10)).isEmpty();
        assertThat(RetrySchedule.parse("PT1S, PT2S").delays()).containsExactly(Duration.ofSeconds(1),
                Duration.ofSeconds(2));
    }

    @Test
    void internalAddresses_areRefused_publicOnesAllowed() throws Exception {
        for (String internal : List.of("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
                "0.0.0.0", "100.64.0.1", "224.0.0.251", "255.255.255.255", "::1", "::", "fe80::1", "fd00::1",
                "::ffff:10.0.0.1", "ff02::1")) {
            assertThat(WebhookUrls.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : List.of("203.0.113.10", "8.8.8.8", "2606:4700::1111")) {
            assertThat(WebhookUrls.isInternal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }

    @Test
    void theSandboxAllowance_takesHttpAndLocalhost() {
        WebhookUrls sandbox = new WebhookUrls(true, WebhookUrls.Resolver.system());
        WebhookUrls production = new WebhookUrls(false, WebhookUrls.Resolver.system());

        assertThat(sandbox.refusal("http://localhost:9999/hook")).isEmpty();
        assertThat(production.refusal("http://localhost:9999/hook")).isPresent();
        assertThat(production.refusal("https://127.0.0.1:9999/hook")).isPresent();
    }
}
