package dev.ticketing.bench.coldstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Turns the runs into the markdown tables of docs/benchmarks-cold-start.md. */
final class Report {

    /**
     * A target of issue 10: {@code numerator / denominator <= limit}, by init + first invocation; with
     * {@code firstOnly}, the numerator's first invocation alone (for the primed variant, whose init SnapStart moves
     * to publish time and replaces by a restore this machine cannot measure).
     */
    record Target(String numerator, String denominator, double limit, boolean firstOnly) {

        Target(String numerator, String denominator, double limit) {
            this(numerator, denominator, limit, false);
        }

        double numeratorMs(ColdRun run) {
            return firstOnly ? run.firstMs() : run.totalMs();
        }
    }

    private final StringBuilder text = new StringBuilder();

    void line(String line) {
        text.append(line).append('\n');
    }

    void coldTable(List<Variant> variants, Map<String, List<ColdRun>> runs, Map<String, Long> jarBytes,
                   Map<String, ClassLoadLog> classes) {
        line("| handler | jar(s) KB | init ms | first invocation ms | init + first ms | init + first p90 | launch to"
                + " answer ms | classes loaded: all (JDK / runtime / function's jars / generated) |");
        line("|---|---|---|---|---|---|---|---|");
        for (Variant v : variants) {
            List<ColdRun> r = runs.get(v.id());
            ClassLoadLog c = classes.get(v.id());
            line(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %,.0f | %s | %,d (%,d / %,d / %,d / %,d) |",
                    v.label(), jarBytes.get(v.id()) / 1024, spread(r, ColdRun::initMs), spread(r, ColdRun::firstMs),
                    spread(r, ColdRun::totalMs), percentile(values(r, ColdRun::totalMs), 90),
                    spread(r, ColdRun::wallMs), c.total(), c.jdk(), c.runtime(), c.function(), c.generated()));
        }
    }

    void targetTable(List<Target> targets, Map<String, List<ColdRun>> runs) {
        line("| ratio | target | init + first, ratio of medians | init + first, median of per-round ratios"
                + " | launch to answer, ratio of medians | met |");
        line("|---|---|---|---|---|---|");
        for (Target t : targets) {
            List<ColdRun> a = runs.get(t.numerator());
            List<ColdRun> b = runs.get(t.denominator());
            double ofMedians = median(values(a, t::numeratorMs)) / median(values(b, ColdRun::totalMs));
            double[] paired = new double[a.size()];
            for (int i = 0; i < paired.length; i++) {
                paired[i] = t.numeratorMs(a.get(i)) / b.get(i).totalMs();
            }
            String wall = t.firstOnly() ? "-" : String.format(Locale.ROOT, "%.2f",
                    median(values(a, ColdRun::wallMs)) / median(values(b, ColdRun::wallMs)));
            line(String.format(Locale.ROOT, "| %s%s / %s | <= %.1f | **%.2f** | %.2f | %s | %s |",
                    t.numerator(), t.firstOnly() ? " (first invocation only, restore not measured)" : "",
                    t.denominator(), t.limit(), ofMedians, median(paired), wall,
                    ofMedians <= t.limit() ? "yes" : "no"));
        }
    }

    /**
     * Each variant beside its baseline ({@code <id>-before}): medians of init, first invocation and their sum, the
     * difference, and the median of the per-round differences (both ran in the same round).
     */
    void compareTable(List<String> ids, Map<String, List<ColdRun>> runs) {
        line("| variant | init ms before / after | first invocation ms before / after | init + first ms before / after"
                + " | difference of medians | median of per-round differences |");
        line("|---|---|---|---|---|---|");
        for (String id : ids) {
            List<ColdRun> after = runs.get(id);
            List<ColdRun> before = runs.get(id + ColdStartBenchmark.BEFORE);
            double[] perRound = new double[after.size()];
            for (int i = 0; i < perRound.length; i++) {
                perRound[i] = after.get(i).totalMs() - before.get(i).totalMs();
            }
            double difference = median(values(after, ColdRun::totalMs)) - median(values(before, ColdRun::totalMs));
            line(String.format(Locale.ROOT,
                    "| %s | %,.0f / %,.0f | %,.0f / %,.0f | %,.0f / %,.0f | **%+,.0f** | %+,.0f |", id,
                    median(values(before, ColdRun::initMs)), median(values(after, ColdRun::initMs)),
                    median(values(before, ColdRun::firstMs)), median(values(after, ColdRun::firstMs)),
                    median(values(before, ColdRun::totalMs)), median(values(after, ColdRun::totalMs)), difference,
                    median(perRound)));
        }
    }

    static String warmHeader() {
        return "| function | invocations | handler's own ms p50 | own p99 | total ms p50 | total p99 | DynamoDB calls"
                + " per invocation |\n|---|---|---|---|---|---|---|";
    }

    static String warmRow(String function, WarmRun run, int invocations) {
        return String.format(Locale.ROOT, "| %s | %,d | **%.3f** | %.3f | %.3f | %.3f | %.1f |", function, invocations,
                run.ownP50() / 1e6, run.ownP99() / 1e6, run.totalP50() / 1e6, run.totalP99() / 1e6,
                run.callsPerInvocation());
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

    /** Median, then min to max. */
    private static String spread(List<ColdRun> runs, ToDoubleFunction<ColdRun> metric) {
        double[] v = values(runs, metric);
        return String.format(Locale.ROOT, "%,.0f (%,.0f–%,.0f)", median(v), v[0], v[v.length - 1]);
    }

    private static double[] values(List<ColdRun> runs, ToDoubleFunction<ColdRun> metric) {
        return runs.stream().mapToDouble(metric).sorted().toArray();
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int p) {
        return sorted[(int) Math.ceil(p / 100.0 * sorted.length) - 1];
    }

}
