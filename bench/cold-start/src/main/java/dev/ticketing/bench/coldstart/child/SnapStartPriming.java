package dev.ticketing.bench.coldstart.child;

import java.lang.reflect.Field;
import org.crac.Resource;

/**
 * Calls the function's priming hook as SnapStart would before its snapshot. This JVM has no CRaC, so the global
 * context never calls it: the hook is taken from where Dependencies keeps it.
 */
final class SnapStartPriming {

    private SnapStartPriming() {
    }

    static void run() throws ReflectiveOperationException, Exception {
        Field field = Class.forName("dev.ticketing.Dependencies$Holder").getDeclaredField("PRIMING");
        field.setAccessible(true);
        ((Resource) field.get(null)).beforeCheckpoint(null);
    }
}
