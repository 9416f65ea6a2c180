package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.local.template.UsagePlan;
import dev.ticketing.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private static final UsagePlan PLAN = new UsagePlan("Plan", 100, 100.0 / 60);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final Throttle throttle = new Throttle(clock);

    @Test
    void fullBucket_admitsTheBurst_thenRefusesThe101st_untilOneTokenIsBack() {
        for (int i = 0; i < 100; i++) {
            assertThat(throttle.acquire(PLAN, "key-a")).as("request %d", i + 1).isEmpty();
        }

        Optional<Duration> refused = throttle.acquire(PLAN, "key-a");

        // One token takes 60/100 s to come back.
        assertThat(refused).hasValue(Duration.ofMillis(600));
        clock.advance(Duration.ofMillis(599));
        assertThat(throttle.acquire(PLAN, "key-a")).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.acquire(PLAN, "key-a")).isEmpty();
        assertThat(throttle.acquire(PLAN, "key-a")).isPresent();
    }

    @Test
    void anotherKey_hasItsOwnBucket() {
        drain("key-a");

        assertThat(throttle.acquire(PLAN, "key-a")).isPresent();
        assertThat(throttle.acquire(PLAN, "key-b")).isEmpty();
    }

    @Test
    void afterIdle_atMost200AreAdmittedWithin60Seconds_theBurstPlusWhatTheRateRefills() {
        int admitted = 0;
        // One request every 100 ms for 60 s: the burst goes first, then one every 600 ms.
        for (int tick = 0; tick < 600; tick++) {
            if (throttle.acquire(PLAN, "key-a").isEmpty()) {
                admitted++;
            }
            clock.advance(Duration.ofMillis(100));
        }

        assertThat(admitted).isBetween(199, 200);
    }

    @Test
    void aMinuteIdle_refillsTheWholeBurst_butNeverMore() {
        drain("key-a");
        clock.advance(Duration.ofMinutes(10));

        assertThat(drain("key-a")).isEqualTo(100);
    }

    /** Takes tokens until refused; returns how many were admitted. */
    private int drain(String key) {
        int admitted = 0;
        while (throttle.acquire(PLAN, key).isEmpty()) {
            admitted++;
        }
        return admitted;
    }
}
