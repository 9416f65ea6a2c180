package dev.ticketing.bench.coldstart;

import java.nio.file.Path;

/**
 * One handler measured cold: its label in the report, its class, and the jar Lambda would deploy for it.
 *
 * @param id      short name: floor, raw, ours, naive
 * @param label   what the report calls it
 * @param handler the handler class Lambda would construct
 * @param jar     the deployment jar; it alone (plus the harness) is the child JVM's class path
 * @param primed  whether SnapStart's priming hook runs after construction (see ColdStartChild)
 */
record Variant(String id, String label, String handler, Path jar, boolean primed) {

    Variant(String id, String label, String handler, Path jar) {
        this(id, label, handler, jar, false);
    }
}
