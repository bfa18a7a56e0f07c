package dev.quadrant.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Two builds or two option sets of the agent on the reference service, alternating: what a change to the agent costs,
 * with the noise of the machine shared by both sides.
 * {@code java ... dev.quadrant.bench.AgentAB <before.jar>[=options] <after.jar>[=options] [pairs] [warm-up seconds]},
 * e.g. {@code agent.jar=instrument=off agent.jar} for what the weaving costs.
 */
public final class AgentAB {
    public static void main(String[] args) throws Exception {
        int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Overhead.Settings base = Overhead.settings(args.length > 3 ? new String[] {"--warmup", args[3]} : new String[0]);
        Overhead.Settings before = side(base, args[0]), after = side(base, args[1]);
        List<Overhead.Run[]> runs = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            Overhead.Run a, b;
            if (p % 2 == 0) { a = Overhead.loadRun(Overhead.Config.QUADRANT, before); b = Overhead.loadRun(Overhead.Config.QUADRANT, after); }
            else { b = Overhead.loadRun(Overhead.Config.QUADRANT, after); a = Overhead.loadRun(Overhead.Config.QUADRANT, before); }
            runs.add(new Overhead.Run[] {a, b});
            System.err.printf(Locale.ROOT, "pair %d: before %s%n        after  %s%n", p + 1, a, b);
        }
        System.out.printf(Locale.ROOT, "%d pairs, alternating order; after/before per pair: median (min-max)%n", pairs);
        row("throughput (req/s)", runs, Overhead.Run::throughput);
        row("p50 at fixed rate (ms)", runs, Overhead.Run::p50Ms);
        row("p99 at fixed rate (ms)", runs, Overhead.Run::p99Ms);
        row("CPU per 1000 requests (ms)", runs, Overhead.Run::cpuMsPerKiloRequest);
        row("non-heap RSS (MiB)", runs, Overhead.Run::nonHeapRssMiB);
        row("live heap after GC (MiB)", runs, Overhead.Run::liveHeapMiB);
        row("time to main (ms)", runs, Overhead.Run::toMainMs);
    }

    /** {@code path/to/agent.jar} or {@code path/to/agent.jar=key=value,key=value}. */
    static Overhead.Settings side(Overhead.Settings s, String arg) {
        int eq = arg.indexOf('=');
        return eq < 0 ? s.withAgent(Path.of(arg).toAbsolutePath(), "")
                : s.withAgent(Path.of(arg.substring(0, eq)).toAbsolutePath(), arg.substring(eq + 1));
    }

    private static void row(String name, List<Overhead.Run[]> runs, ToDoubleFunction<Overhead.Run> f) {
        double[] before = runs.stream().mapToDouble(r -> f.applyAsDouble(r[0])).toArray();
        double[] after = runs.stream().mapToDouble(r -> f.applyAsDouble(r[1])).toArray();
        double[] ratio = runs.stream().mapToDouble(r -> f.applyAsDouble(r[1]) / f.applyAsDouble(r[0])).sorted().toArray();
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.3f (%.3f-%.3f) |%n", name, Overhead.median(before), Overhead.median(after),
                Overhead.median(ratio), ratio[0], ratio[ratio.length - 1]);
    }
}
