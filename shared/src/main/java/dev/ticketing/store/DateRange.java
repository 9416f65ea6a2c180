package dev.ticketing.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A half-open range of instants: from {@code from} included to {@code before} excluded; either end may be open.
 * So {@code createdAfter=D&createdBefore=D+1} is exactly day D.
 */
public record DateRange(Optional<Instant> from, Optional<Instant> before) {

    public DateRange {
        if (from.isPresent() && before.isPresent() && !from.get().isBefore(before.get())) {
            throw new IllegalArgumentException("empty range [" + from.get() + ", " + before.get() + ")");
        }
    }

    public boolean contains(Instant instant) {
        return instant != null && from.map(f -> !instant.isBefore(f)).orElse(true)
                && before.map(instant::isBefore).orElse(true);
    }

    /** Canonical text, for a query's fingerprint. */
    String text() {
        return "[" + from.map(Instant::toString).orElse("") + "," + before.map(Instant::toString).orElse("") + ")";
    }
}
