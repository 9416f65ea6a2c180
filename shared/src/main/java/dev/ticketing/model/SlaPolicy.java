package dev.ticketing.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The instance's service-level policy: per priority, how long the helpdesk has for its first response and for the
 * resolution, in calendar hours (fractions allowed: 0.5 is 30 minutes). A ticket gets its targets when it is created
 * and again when its priority changes; a priority without a rule, or a disabled policy, sets none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlaPolicy(Boolean enabled, List<SlaTarget> rules) {

    /** The longest target accepted: one year. */
    public static final double MAX_HOURS = 8760;

    public static final SlaPolicy NONE = new SlaPolicy(false, List.of());

    public SlaPolicy {
        // Null entries are kept, so that validation can name them rather than the reader fail on them.
        rules = rules == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(rules));
    }

    public boolean applies() {
        return Boolean.TRUE.equals(enabled);
    }

    /** The targets that apply to {@code priority}: none when the policy is disabled or has no rule for it. */
    public Optional<SlaTarget> target(Priority priority) {
        if (!applies()) {
            return Optional.empty();
        }
        return rules.stream().filter(r -> r != null && priority.name().equals(r.priority())).findFirst();
    }

    /** One priority's targets; either may be absent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SlaTarget(String priority, Double firstResponseHours, Double resolutionHours) {

        public Optional<Duration> firstResponse() {
            return duration(firstResponseHours);
        }

        public Optional<Duration> resolution() {
            return duration(resolutionHours);
        }

        private static Optional<Duration> duration(Double hours) {
            return hours == null ? Optional.empty() : Optional.of(Duration.ofMillis(Math.round(hours * 3_600_000)));
        }
    }
}
