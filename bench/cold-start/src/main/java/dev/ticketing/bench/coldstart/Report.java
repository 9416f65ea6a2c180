package dev.ticketing.bench.coldstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** Turns the runs into the markdown tables of docs/benchmarks-cold-start.md. */
final class Report {

    private final StringBuilder text = new StringBuilder();
    private final Map<String, List<ColdRun>> cold = new LinkedHashMap<>();
    private final Map<String, Variant> variants = new LinkedHashMap<>();

    void add(Variant variant, List<ColdRun> runs) {
        variants.put(variant.id(), variant);
        cold.put(variant.id(), runs);
    }

    void line(String line) {
        text.append(line).append('\n');
    }

    String coldTables() {
        StringBuilder out = new StringBuilder();
        out.append("| handler | jar (KB) | init ms (min / median) | first invocation ms | total ms | classes loaded"
                + " (min / median) | of which by the handler | JVM to main ms | process wall ms |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        cold.forEach((id, runs) -> {
            Variant v = variants.get(id);
            out.append("| ").append(v.label()).append(" | ").append(size(v.jar()) / 1024)
                    .append(" | ").append(ms(runs, ColdRun::initNanos))
                    .append(" | ").append(ms(runs, ColdRun::firstNanos))
                    .append(" | ").append(ms(runs, ColdRun::totalNanos))
                    .append(" | ").append(count(runs, ColdRun::classesAfter))
                    .append(" | ").append(count(runs, ColdRun::handlerClasses))
                    .append(" | ").append(count(runs, ColdRun::jvmMillis))
                    .append(" | ").append(count(runs, ColdRun::wallMillis)).append(" |\n");
        });
        return out.toString();
    }

    /** Ratio of medians, e.g. ours / raw. */
    String ratios(String numerator, String denominator) {
        List<ColdRun> a = cold.get(numerator);
        List<ColdRun> b = cold.get(denominator);
        if (a == null || b == null) {
            return "";
        }
        return String.format("| %s / %s | %.2f | %.2f | %.2f | %.2f |%n", numerator, denominator,
                ratio(a, b, ColdRun::firstNanos), ratio(a, b, ColdRun::totalNanos),
                ratio(a, b, ColdRun::classesAfter), ratio(a, b, ColdRun::handlerClasses));
    }

    static String ratioHeader() {
        return "| ratio of medians | first invocation | total (init + first) | classes loaded | classes loaded by the"
                + " handler |\n|---|---|---|---|---|\n";
    }

    String text() {
        return text.toString();
    }

    void write(Path file) {
        try {
            Files.writeString(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double ratio(List<ColdRun> a, List<ColdRun> b, ToLongFunction<ColdRun> metric) {
        return (double) median(a, metric) / median(b, metric);
    }

    private static String ms(List<ColdRun> runs, ToLongFunction<ColdRun> metric) {
        return String.format("%.0f / %.0f", min(runs, metric) / 1e6, median(runs, metric) / 1e6);
    }

    private static String count(List<ColdRun> runs, ToLongFunction<ColdRun> metric) {
        return min(runs, metric) + " / " + median(runs, metric);
    }

    private static long min(List<ColdRun> runs, ToLongFunction<ColdRun> metric) {
        return runs.stream().mapToLong(metric).min().orElseThrow();
    }

    static long median(List<ColdRun> runs, ToLongFunction<ColdRun> metric) {
        long[] values = runs.stream().mapToLong(metric).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    static long size(Path jar) {
        try {
            return Files.size(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String warmRow(String function, WarmRun run, int invocations) {
        return String.format("| %s | %d | %.3f | %.3f | %.3f | %.3f | %.1f |%n", function, invocations,
                run.ownP50() / 1e6, run.ownP99() / 1e6, run.totalP50() / 1e6, run.totalP99() / 1e6,
                run.callsPerInvocation());
    }

    static String warmHeader() {
        return "| function | invocations | handler's own ms p50 | own p99 | total ms p50 | total p99 | DynamoDB calls"
                + " per invocation |\n|---|---|---|---|---|---|---|\n";
    }

    static String flags() {
        return String.join(" ", Children.LAMBDA_FLAGS);
    }
}
