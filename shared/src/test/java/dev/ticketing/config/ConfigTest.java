package dev.ticketing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void tokenSecretParameter_isTheSecretsSource_whenSet() {
        Config config = Config.from(Map.of(Config.TABLE_NAME, "tickets",
                Config.TOKEN_SECRET_PARAMETER, "/ticketing/prod/continuation-token-secret"));

        assertThat(config.tokenSecretParameter()).contains("/ticketing/prod/continuation-token-secret");
        assertThat(config.localTokenSecret()).isEmpty();
    }

    @Test
    void localTokenSecret_isHonoured_whenNoParameterNameIsSet() {
        Config config = Config.from(Map.of(Config.TABLE_NAME, "tickets",
                Config.TOKEN_SECRET_PARAMETER, "", Config.TOKEN_SECRET, "local-secret"));

        assertThat(config.tokenSecretParameter()).isEmpty();
        assertThat(config.localTokenSecret()).contains("local-secret");
    }

    @Test
    void from_refusesBothAParameterNameAndALocalSecret() {
        assertThatThrownBy(() -> Config.from(Map.of(Config.TABLE_NAME, "tickets",
                Config.TOKEN_SECRET_PARAMETER, "/ticketing/prod/continuation-token-secret",
                Config.TOKEN_SECRET, "local-secret")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Config.TOKEN_SECRET_PARAMETER)
                .hasMessageContaining(Config.TOKEN_SECRET)
                .hasMessageNotContaining("local-secret");
    }

    @Test
    void from_hasNoDefaultSecret() {
        Config config = Config.from(Map.of(Config.TABLE_NAME, "tickets"));

        assertThat(config.tokenSecretParameter()).isEmpty();
        assertThat(config.localTokenSecret()).isEmpty();
    }

    @Test
    void toString_neverShowsTheLocalSecret() {
        Config config = Config.from(Map.of(Config.TABLE_NAME, "tickets", Config.TOKEN_SECRET, "local-secret"));

        assertThat(config.toString()).doesNotContain("local-secret").contains("localTokenSecret=(set)");
        assertThat(TokenSecrets.of("local-secret").toString()).doesNotContain("local-secret");
    }
}
