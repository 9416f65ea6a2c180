package dev.ticketing.bench.coldstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the child JVMs with the flags and heap Lambda's java21 runtime uses at 1024 MB, and reads their result. */
final class Children {

    static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-Xmx870m", "-XX:+UseSerialGC");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final Map<String, String> environment;

    Children(Map<String, String> environment) {
        this.environment = environment;
    }

    ColdRun cold(Variant variant, Path harness, Path event) {
        long start = System.nanoTime();
        String[] f = run(List.of(variant.jar() + ":" + harness), "dev.ticketing.bench.coldstart.child.ColdStartChild",
                variant.primed() ? List.of(variant.handler(), event.toString(), "primed")
                        : List.of(variant.handler(), event.toString()), "RESULT");
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        return new ColdRun(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                Long.parseLong(f[5]), wallMillis, Integer.parseInt(f[6]));
    }

    WarmRun warm(Variant variant, Path warmJar, Path event, int invocations) {
        String[] f = run(List.of(variant.jar() + ":" + warmJar), "dev.ticketing.bench.coldstart.warm.WarmChild",
                List.of(variant.handler(), event.toString(), Integer.toString(invocations)), "WARM");
        return new WarmRun(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                Double.parseDouble(f[5]));
    }

    private String[] run(List<String> classPath, String main, List<String> args, String marker) {
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.addAll(LAMBDA_FLAGS);
        command.add("-cp");
        command.add(String.join(":", classPath));
        command.add(main);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Only what Lambda would set: the parent's AWS settings must not leak into the default chains.
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            return output.lines().filter(line -> line.startsWith(marker + " ")).findFirst()
                    .filter(line -> exit == 0)
                    .map(line -> line.split(" "))
                    .orElseThrow(() -> new IllegalStateException(main + " " + args + " exited " + exit + ":\n"
                            + output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
