package dev.ticketing.observability;

import java.util.EnumMap;
import java.util.Map;

/** One invocation's counts, added up as the request runs and published once, when it is answered. */
final class Counts {

    private final EnumMap<Metric, Double> values = new EnumMap<>(Metric.class);

    void add(Metric metric, double value) {
        values.merge(metric, value, Double::sum);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** The counts, with the read-per-returned ratio of the page when the invocation listed one. */
    Map<Metric, Double> values() {
        EnumMap<Metric, Double> all = new EnumMap<>(values);
        Double returned = values.get(Metric.LIST_ITEMS_RETURNED);
        if (returned != null) {
            all.put(Metric.LIST_READ_PER_RETURNED,
                    values.getOrDefault(Metric.LIST_ITEMS_READ, 0.0) / Math.max(1.0, returned));
        }
        return all;
    }
}
