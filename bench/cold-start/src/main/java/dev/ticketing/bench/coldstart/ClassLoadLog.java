package dev.ticketing.bench.coldstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Classes a JVM loaded, by origin, read from its {@code -Xlog:class+load} file: the JDK, the runtime client (Lambda's
 * jars), the function's jars in the task root, and classes generated at run time (lambdas, hidden classes).
 */
record ClassLoadLog(int jdk, int runtime, int function, int generated) {

    static List<String> jvmOption(Path file) {
        return List.of("-Xlog:class+load=info:file=" + file);
    }

    static ClassLoadLog read(Path file, Path taskRoot, Path runtimeJars) {
        int jdk = 0;
        int runtime = 0;
        int function = 0;
        int generated = 0;
        String task = taskRoot.toAbsolutePath().toString();
        String lambdaRuntime = runtimeJars.toAbsolutePath().toString();
        try (Stream<String> lines = Files.lines(file)) {
            for (String line : (Iterable<String>) lines::iterator) {
                int source = line.indexOf(" source: ");
                if (source < 0) {
                    continue;
                }
                String origin = line.substring(source + 9);
                if (origin.startsWith("shared objects file") || origin.startsWith("jrt:/")) {
                    jdk++;
                } else if (origin.contains(lambdaRuntime)) {
                    runtime++;
                } else if (origin.contains(task)) {
                    function++;
                } else {
                    generated++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ClassLoadLog(jdk, runtime, function, generated);
    }

    int total() {
        return jdk + runtime + function + generated;
    }
}
