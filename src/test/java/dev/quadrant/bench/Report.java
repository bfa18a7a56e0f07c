package dev.quadrant.bench;

import dev.quadrant.bench.Overhead.Config;
import dev.quadrant.bench.Overhead.Run;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The overhead figures as Markdown: medians per configuration, per-pair ratios with their spread, and the budget. */
final class Report {
    private Report() {}

    private record Metric(String name, ToDoubleFunction<Run> value, String budget, boolean ratioOfNone) {}

    static String markdown(Overhead.Settings s, List<Run[]> pairs, Map<Config, double[]> toMain, Map<Config, double[]> toServe) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Reference service, %d pairs (none / JFR default / Quadrant, alternating order); %d s warm-up, "
                + "%d s at full load with %d clients, %d s at %d requests/s; start-up: %d runs each.%n%n",
                pairs.size(), s.warmupSeconds(), s.seconds(), s.clients(), s.seconds(), s.rate(), s.startupRuns()));
        b.append("| metric | none | JFR alone | Quadrant | Quadrant / none, per pair: median (min-max) | budget |\n");
        b.append("| --- | --- | --- | --- | --- | --- |\n");
        List<Metric> metrics = List.of(
                new Metric("throughput at full load (req/s)", Run::throughput, "≥ 0.98 of none", true),
                new Metric("p50 latency at fixed rate (ms)", Run::p50Ms, "", true),
                new Metric("p99 latency at fixed rate (ms)", Run::p99Ms, "within 5% of none", true),
                new Metric("process CPU per 1000 requests (ms)", Run::cpuMsPerKiloRequest, "", true),
                new Metric("RSS (MiB)", Run::rssMiB, "≤ JFR alone + 30 MiB", false),
                new Metric("live heap after GC (MiB)", Run::liveHeapMiB, "agent < 64 MB", false));
        for (Metric m : metrics) {
            double[] none = Overhead.column(pairs, Config.NONE, m.value()), jfr = Overhead.column(pairs, Config.JFR, m.value()),
                    q = Overhead.column(pairs, Config.QUADRANT, m.value());
            double[] ratios = new double[pairs.size()];
            for (int i = 0; i < ratios.length; i++) ratios[i] = q[i] / none[i];
            String relative = m.ratioOfNone()
                    ? String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", Overhead.median(ratios), min(ratios), max(ratios))
                    : String.format(Locale.ROOT, "%+.1f vs none, %+.1f vs JFR (medians)", Overhead.median(q) - Overhead.median(none),
                            Overhead.median(q) - Overhead.median(jfr));
            b.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %s | %s |%n", m.name(), Overhead.median(none), Overhead.median(jfr),
                    Overhead.median(q), relative, m.budget()));
        }
        b.append(String.format(Locale.ROOT, "| time to main (ms) | %.0f | %.0f | %.0f | %+.0f ms | added < 50 ms |%n", Overhead.median(toMain.get(Config.NONE)),
                Overhead.median(toMain.get(Config.JFR)), Overhead.median(toMain.get(Config.QUADRANT)),
                Overhead.median(toMain.get(Config.QUADRANT)) - Overhead.median(toMain.get(Config.NONE))));
        b.append(String.format(Locale.ROOT, "| time to first served request (ms) | %.0f | %.0f | %.0f | %+.0f ms | |%n", Overhead.median(toServe.get(Config.NONE)),
                Overhead.median(toServe.get(Config.JFR)), Overhead.median(toServe.get(Config.QUADRANT)),
                Overhead.median(toServe.get(Config.QUADRANT)) - Overhead.median(toServe.get(Config.NONE))));
        return b.toString();
    }

    private static double min(double[] v) { return Arrays.stream(v).min().orElse(Double.NaN); }

    private static double max(double[] v) { return Arrays.stream(v).max().orElse(Double.NaN); }
}
