package dev.quadrant.bench;

import dev.quadrant.bench.Overhead.Config;
import dev.quadrant.bench.Overhead.Run;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The overhead figures as Markdown: medians per configuration, per-pair ratios or differences with their spread, and the budget. */
final class Report {
    private Report() {}

    /** {@code ratio}: Quadrant / none per pair; otherwise Quadrant - none per pair and the difference of medians to JFR alone. */
    record Metric(String name, ToDoubleFunction<Run> value, String format, String budget, boolean ratio) {}

    static final List<Metric> METRICS = List.of(
            new Metric("throughput at full load (req/s)", Run::throughput, "%.0f", "≥ 0.98 of none", true),
            new Metric("p50 latency at fixed rate (ms)", Run::p50Ms, "%.2f", "", true),
            new Metric("p99 latency at fixed rate (ms)", Run::p99Ms, "%.2f", "within 5% of none", true),
            new Metric("process CPU per 1000 requests (ms)", Run::cpuMsPerKiloRequest, "%.1f", "", true),
            new Metric("process CPU at the fixed rate (% of one core)", Run::fixedRateCpuShare, "%.1f", "", true),
            new Metric("RSS (MiB)", Run::rssMiB, "%.1f", "", false),
            new Metric("non-heap RSS (MiB)", Run::nonHeapRssMiB, "%.1f", "≤ JFR alone + 30 MiB", false),
            new Metric("live heap after GC (MiB)", Run::liveHeapMiB, "%.1f", "agent < 64 MB", false),
            new Metric("time to main (ms)", Run::toMainMs, "%.0f", "added < 50 ms", false),
            new Metric("time to first served request (ms)", Run::toServedMs, "%.0f", "", false));

    static String markdown(Overhead.Settings s, List<Map<Config, Run>> rounds) {
        StringBuilder b = new StringBuilder();
        int jfrRuns = Overhead.column(rounds, Config.JFR, Run::throughput).length;
        b.append(String.format(Locale.ROOT, "Reference service, %d pairs of none / Quadrant in alternating order, JFR alone (default settings) in %d of"
                + " the rounds; each launch: start-up timed, %d s warm-up, %d s at full load with %d clients, %d s at %d requests/s.%n%n",
                rounds.size(), jfrRuns, s.warmupSeconds(), s.seconds(), s.clients(), s.rateSeconds(), s.rate()));
        b.append("| metric | none | JFR alone | Quadrant | Quadrant vs none, per pair: median (min-max) | budget |\n");
        b.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Metric m : METRICS) {
            double[] none = Overhead.column(rounds, Config.NONE, m.value()), jfr = Overhead.column(rounds, Config.JFR, m.value()),
                    q = Overhead.column(rounds, Config.QUADRANT, m.value());
            double[] perPair = new double[Math.min(none.length, q.length)];
            for (int i = 0; i < perPair.length; i++) perPair[i] = m.ratio() ? q[i] / none[i] : q[i] - none[i];
            String relative = m.ratio()
                    ? String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", Overhead.median(perPair), min(perPair), max(perPair))
                    : String.format(Locale.ROOT, "%+.1f (%+.1f to %+.1f); vs JFR alone %+.1f", Overhead.median(perPair), min(perPair), max(perPair),
                            Overhead.median(q) - Overhead.median(jfr));
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", m.name(), f(m, none), f(m, jfr), f(m, q), relative, m.budget()));
        }
        return b.toString();
    }

    /** Every run, so a reader can see the spread behind each median. */
    static String runs(List<Map<Config, Run>> rounds) {
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rounds.size(); r++) {
            for (Run run : rounds.get(r).values()) {
                lines.add(String.format(Locale.ROOT, "| %d | %s | %.0f | %.2f | %.2f | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f |", r + 1,
                        run.config().name().toLowerCase(Locale.ROOT), run.throughput(), run.p50Ms(), run.p99Ms(), run.cpuMsPerKiloRequest(),
                        run.fixedRateCpuShare(), run.rssMiB(), run.nonHeapRssMiB(), run.liveHeapMiB(), run.toMainMs(), run.toServedMs()));
            }
        }
        return "| round | config | req/s | p50 ms | p99 ms | CPU ms/1000 req | CPU % at fixed rate | RSS MiB | non-heap RSS MiB | live heap MiB | to main ms | to served ms |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n" + String.join("\n", lines) + "\n";
    }

    private static String f(Metric m, double[] values) { return String.format(Locale.ROOT, m.format(), Overhead.median(values)); }

    static double min(double[] v) { return Arrays.stream(v).min().orElse(Double.NaN); }

    static double max(double[] v) { return Arrays.stream(v).max().orElse(Double.NaN); }
}
