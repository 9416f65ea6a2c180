package dev.ticketing.sandbox;

import dev.ticketing.local.template.UsagePlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Usage-plan throttling as API Gateway applies it: one token bucket per plan and API key, full at first, holding
 * at most the burst limit and refilled continuously at the rate limit. A request takes one token or is refused.
 */
public final class Throttle {

    private final Clock clock;
    private final Map<BucketKey, Bucket> buckets = new ConcurrentHashMap<>();

    public Throttle(Clock clock) {
        this.clock = clock;
    }

    /** Empty when the request may go on; otherwise how long until a token is back. */
    public Optional<Duration> acquire(UsagePlan plan, String apiKey) {
        Bucket bucket = buckets.computeIfAbsent(new BucketKey(plan.name(), apiKey), ignored -> new Bucket(plan));
        return bucket.take(clock.instant());
    }

    private record BucketKey(String plan, String apiKey) {
    }

    private static final class Bucket {

        private static final double NANOS_PER_SECOND = 1e9;

        private final UsagePlan plan;
        private double tokens;
        private Instant updated;

        Bucket(UsagePlan plan) {
            this.plan = plan;
            this.tokens = plan.burstLimit();
        }

        synchronized Optional<Duration> take(Instant now) {
            if (updated != null && now.isAfter(updated)) {
                double elapsedSeconds = Duration.between(updated, now).toNanos() / NANOS_PER_SECOND;
                tokens = Math.min(plan.burstLimit(), tokens + elapsedSeconds * plan.ratePerSecond());
            }
            if (updated == null || now.isAfter(updated)) {
                updated = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            if (plan.ratePerSecond() == 0 || plan.burstLimit() == 0) {
                return Optional.of(Duration.ofDays(1));
            }
            long nanos = (long) Math.ceil((1 - tokens) / plan.ratePerSecond() * NANOS_PER_SECOND);
            return Optional.of(Duration.ofNanos(nanos));
        }
    }
}
