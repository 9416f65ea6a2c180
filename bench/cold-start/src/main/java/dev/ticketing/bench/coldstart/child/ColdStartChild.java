package dev.ticketing.bench.coldstart.child;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM: constructs one handler and invokes it once with a serialised event, then prints one
 * {@code RESULT} line: construction and first-invocation nanoseconds, classes loaded before and after, status.
 * With {@code primed}, SnapStart's priming hook runs after construction (counted in init), so the invocation is
 * the first one a restored snapshot serves. Usage: {@code ColdStartChild <handler class> <event file> [primed]}.
 */
public final class ColdStartChild {

    private ColdStartChild() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        // The event is read and the MXBean loaded before the clock starts: the runtime's work, equal for all.
        Object event = readEvent(Path.of(args[1]));
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long jvmMillisBefore = ManagementFactory.getRuntimeMXBean().getUptime();
        long classesBefore = classes.getTotalLoadedClassCount();

        long start = System.nanoTime();
        RequestHandler handler = (RequestHandler) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        if (args.length > 2 && args[2].equals("primed")) {
            SnapStartPriming.run();
        }
        long constructed = System.nanoTime();
        Object response = handler.handleRequest(event, new BenchContext());
        long invoked = System.nanoTime();

        long classesAfter = classes.getTotalLoadedClassCount();
        System.out.println("RESULT " + (constructed - start) + " " + (invoked - constructed) + " " + classesBefore
                + " " + classesAfter + " " + jvmMillisBefore + " " + Responses.status(response));
    }

    private static Object readEvent(Path file) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
            return in.readObject();
        }
    }
}
