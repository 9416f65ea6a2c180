package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void emptyEnvironment_givesPort3000_motoOn8000_andTheSandboxTable() {
        Options options = Options.fromEnvironment(Map.of());

        assertThat(options.port()).isEqualTo(3000);
        assertThat(options.motoPort()).isEqualTo(8000);
        assertThat(options.dynamoDbEndpoint()).isEmpty();
        assertThat(options.tableName()).isEqualTo("tickets-sandbox");
        assertThat(options.demoPrimaryKey()).isEmpty();
        assertThat(options.throttling()).isTrue();
    }

    @Test
    void sandboxThrottling_off_turnsTheUsagePlanOff_andAnythingButOnOrOffIsRejected() {
        assertThat(Options.fromEnvironment(Map.of("SANDBOX_THROTTLING", "off")).throttling()).isFalse();
        assertThat(Options.fromEnvironment(Map.of("SANDBOX_THROTTLING", "on")).throttling()).isTrue();
        assertThatThrownBy(() -> Options.fromEnvironment(Map.of("SANDBOX_THROTTLING", "no")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SANDBOX_THROTTLING");
    }

    @Test
    void environment_overridesEverySetting() {
        Options options = Options.fromEnvironment(Map.of("PORT", "3100", "DYNAMODB_PORT", "8100",
                "DYNAMODB_ENDPOINT", "http://localhost:4566", "TABLE_NAME", "mine",
                "SANDBOX_API_KEY", "0123456789abcdef0123456789abcdef"));

        assertThat(options.port()).isEqualTo(3100);
        assertThat(options.motoPort()).isEqualTo(8100);
        assertThat(options.dynamoDbEndpoint()).contains(URI.create("http://localhost:4566"));
        assertThat(options.tableName()).isEqualTo("mine");
        assertThat(options.demoPrimaryKey()).contains("0123456789abcdef0123456789abcdef");
    }

    @Test
    void sandboxApiKey_outsideTheLengthsTheAuthorizerAccepts_isRejected() {
        assertThatThrownBy(() -> Options.fromEnvironment(Map.of("SANDBOX_API_KEY", "short")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SANDBOX_API_KEY");
        assertThatThrownBy(() -> Options.fromEnvironment(Map.of("SANDBOX_API_KEY", "k".repeat(129))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonNumericPort_isRejectedNamingTheVariable() {
        assertThatThrownBy(() -> Options.fromEnvironment(Map.of("PORT", "http")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PORT");
    }
}
