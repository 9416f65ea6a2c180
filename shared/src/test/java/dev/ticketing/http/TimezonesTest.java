package dev.ticketing.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.error.ValidationException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimezonesTest {

    @Test
    void absentTimezone_meansGmt() {
        assertThat(Timezones.parse(null)).isEqualTo(ZoneOffset.UTC);
        assertThat(Timezones.parse("")).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void wholeHours_fromMinus12To14_areOffsets() {
        assertThat(Timezones.parse("7")).isEqualTo(ZoneOffset.ofHours(7));
        assertThat(Timezones.parse("-12")).isEqualTo(ZoneOffset.ofHours(-12));
        assertThat(Timezones.parse("+14")).isEqualTo(ZoneOffset.ofHours(14));
    }

    @ParameterizedTest
    @ValueSource(strings = {"15", "-13", "7.5", "GMT", "1e1"})
    void otherValues_areRejectedNamingTheParameter(String value) {
        assertThatThrownBy(() -> Timezones.parse(value))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("timezone: must be a whole number of hours from GMT between -12 and 14");
    }

    @Test
    void dateTimes_renderInTheRequestedOffset() {
        Instant instant = Instant.parse("2023-07-26T17:00:00Z");

        assertThat(TicketJson.dateTime(instant, ZoneOffset.UTC)).isEqualTo("2023-07-26T17:00:00Z");
        assertThat(TicketJson.dateTime(instant, ZoneOffset.ofHours(7))).isEqualTo("2023-07-27T00:00:00+07:00");
    }
}
