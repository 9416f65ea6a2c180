package dev.ticketing.service;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How long a failed webhook delivery waits before each next attempt: the n-th delay follows the n-th failed attempt,
 * and the attempt after the last delay is the last one (docs/events.md, "Retries").
 */
public record RetrySchedule(List<Duration> delays) {

    /** SQS's longest visibility timeout, so one delay fits one ChangeMessageVisibility. */
    public static final Duration MAX_DELAY = Duration.ofHours(12);

    /** Ten attempts over 23 h 42 min 30 s: 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h, 8 h apart. */
    public static final RetrySchedule PRODUCTION = new RetrySchedule(List.of(Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(8)));

    public RetrySchedule {
        delays = List.copyOf(delays);
        for (Duration delay : delays) {
            if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
                throw new IllegalArgumentException("A retry delay must be from 0 to 12 hours: " + delay);
            }
        }
    }

    /** Parses ISO-8601 durations separated by commas, e.g. {@code PT1S,PT2S,PT4S}. */
    public static RetrySchedule parse(String text) {
        return new RetrySchedule(Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Duration::parse).toList());
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** The wait after failed attempt {@code attempt} (1 for the first), or empty when it was the last. */
    public Optional<Duration> after(int attempt) {
        return attempt >= 1 && attempt <= delays.size() ? Optional.of(delays.get(attempt - 1)) : Optional.empty();
    }
}
