package dev.quadrant.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Quadrant beside the agents users already run, the way they would compare them: the reference service on CPU 0
 * ({@code taskset -c 0}, every agent thread with it), {@code wrk} and the fixed-rate client on CPU 1 (this JVM must be
 * started under {@code taskset -c 1}). Each round runs no agent, JFR alone, async-profiler, the OpenTelemetry agent and
 * Quadrant with its defaults, the order rotated round by round. Each run: the first minute (full load from the first
 * served request, then a fixed rate), a warm-up, then the steady state (full load, then the fixed rate across Quadrant's
 * first report). One more run attaches Quadrant to the loaded service and times the requests around the attach.
 * {@code java ... Peers --quadrant jar --otel jar --async-profiler jar [--rounds 3] [--out file.md]}.
 */
public final class Peers {
    enum Peer {
        NONE("no agent"), JFR("JFR alone, default settings, to disk"), ASYNC_PROFILER("async-profiler (cpu, 10 ms)"),
        OTEL("OpenTelemetry agent (exporters off)"), QUADRANT("Quadrant (a report every 15 s)");

        final String label;

        Peer(String label) { this.label = label; }
    }

    /** One load phase: full load gives throughput and CPU per request, the fixed rate the latencies. */
    record Phase(double throughput, double cpuUsPerRequest, double p50Ms, double p99Ms, long compilations) {}

    record Run(Peer peer, double toMainMs, Phase first, Phase steady, double rssMiB) {}

    static final int QUADRANT_INTERVAL_SECONDS = 15;

    record Settings(int rounds, int firstSeconds, int firstRateSeconds, int warmSeconds, int steadySeconds, int rateSeconds, int rate,
                    int connections, Path quadrant, Path otel, Path asyncProfiler, Path out) {}

    public static void main(String[] args) throws Exception {
        Settings s = settings(args);
        Path work = Files.createTempDirectory("peers");
        Path profilerLib = extractProfiler(s.asyncProfiler(), work);
        List<Map<Peer, Run>> rounds = new ArrayList<>();
        for (int r = 0; r < s.rounds(); r++) {
            List<Peer> order = rotated(r);
            Map<Peer, Run> runs = new EnumMap<>(Peer.class);
            for (Peer p : order) {
                Run run = run(p, s, profilerLib);
                runs.put(p, run);
                System.err.printf(Locale.ROOT, "round %d %s%n", r + 1, run);
            }
            rounds.add(runs);
        }
        String attach = attachSpike(s);
        String report = markdown(s, rounds) + "\n" + attach + "\n" + runs(rounds);
        System.out.println(report);
        if (s.out() != null) Files.writeString(s.out(), report);
        Overhead.deleteTree(work);
    }

    static Settings settings(String[] args) {
        Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        for (String required : List.of("quadrant", "otel", "async-profiler")) {
            if (!a.containsKey(required)) throw new IllegalArgumentException("--" + required + " <jar> is required");
        }
        return new Settings(Integer.parseInt(a.getOrDefault("rounds", "3")), Integer.parseInt(a.getOrDefault("first", "20")),
                Integer.parseInt(a.getOrDefault("first-rate", "6")), Integer.parseInt(a.getOrDefault("warm", "8")),
                Integer.parseInt(a.getOrDefault("steady", "8")), Integer.parseInt(a.getOrDefault("rate-seconds", "10")),
                Integer.parseInt(a.getOrDefault("rate", "1000")), Integer.parseInt(a.getOrDefault("connections", "8")),
                Path.of(a.get("quadrant")).toAbsolutePath(), Path.of(a.get("otel")).toAbsolutePath(), Path.of(a.get("async-profiler")).toAbsolutePath(),
                a.containsKey("out") ? Path.of(a.get("out")) : null);
    }

    /** Round r starts r places further along, so no peer always runs first or right after the same one. */
    static List<Peer> rotated(int round) {
        List<Peer> order = new ArrayList<>(List.of(Peer.values()));
        java.util.Collections.rotate(order, -round);
        return order;
    }

    static Path extractProfiler(Path jar, Path dir) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var entry = zip.getEntry("linux-x64/libasyncProfiler.so");
            if (entry == null) throw new IOException(jar + " holds no linux-x64/libasyncProfiler.so");
            Path lib = dir.resolve("libasyncProfiler.so");
            try (var in = zip.getInputStream(entry)) {
                Files.copy(in, lib);
            }
            return lib;
        }
    }

    static List<String> agentArgs(Peer p, Settings s, Path lib, Path dir) {
        return switch (p) {
            case NONE -> List.of();
            case JFR -> List.of("-XX:StartFlightRecording=filename=" + dir.resolve("rec.jfr"));
            case ASYNC_PROFILER -> List.of("-agentpath:" + lib + "=start,event=cpu,interval=10ms,file=" + dir.resolve("profile.txt") + ",collapsed");
            case OTEL -> List.of("-javaagent:" + s.otel(), "-Dotel.service.name=reference", "-Dotel.traces.exporter=none",
                    "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none");
            // four times the default report rate: the first minute holds the first report (its code still cold), each steady fixed-rate phase a later one
            case QUADRANT -> List.of("-javaagent:" + s.quadrant() + "=out=" + dir.resolve("reports") + ",interval=" + QUADRANT_INTERVAL_SECONDS + "s");
        };
    }

    static Process service(List<String> agent, Path dir, long lifetimeSeconds) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("taskset", "-c", "0", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dsun.net.httpserver.nodelay=true"));
        cmd.addAll(agent);
        cmd.addAll(List.of("-cp", Overhead.serviceClassPath(), ReferenceService.class.getName(), Long.toString(lifetimeSeconds)));
        return new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    static Run run(Peer peer, Settings s, Path lib) throws Exception {
        Path dir = Files.createTempDirectory("peer-" + peer.name().toLowerCase(Locale.ROOT));
        long launched = System.currentTimeMillis();
        long lifetime = s.firstSeconds() + s.firstRateSeconds() + s.warmSeconds() + s.steadySeconds() + s.rateSeconds() + 60;
        Process p = service(agentArgs(peer, s, lib, dir), dir, lifetime);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            long main = Long.parseLong(Overhead.lineStarting(out, "main ").substring("main ".length()));
            int port = Integer.parseInt(Overhead.lineStarting(out, "port ").substring("port ".length()));
            long pid = p.pid();  // taskset execs the JVM in its own process: the pid is the JVM's
            while (!LoadGenerator.request(port, "first")) Thread.sleep(1);
            Phase first = phase(pid, port, s.firstSeconds(), s.firstRateSeconds(), s);
            wrk(port, s.warmSeconds(), s.connections());
            Phase steady = phase(pid, port, s.steadySeconds(), s.rateSeconds(), s);
            return new Run(peer, main - launched, first, steady, Overhead.rssMiB(pid));
        } finally {
            Overhead.stop(p, 20, dir);
        }
    }

    static Phase phase(long pid, int port, int fullSeconds, int rateSeconds, Settings s) throws Exception {
        long compiled = compilations(pid);
        long cpu = Overhead.cpuMillis(pid);
        Wrk w = wrk(port, fullSeconds, s.connections());
        double cpuUs = (Overhead.cpuMillis(pid) - cpu) * 1000.0 / Math.max(1, w.requests());
        LoadGenerator.Latency l = LoadGenerator.fixedRate(port, s.rate(), rateSeconds);
        return new Phase(w.perSecond(), cpuUs, l.p50Ms(), l.p99Ms(), compilations(pid) - compiled);
    }

    record Wrk(long requests, double perSecond) {}

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    static Wrk wrk(int port, int seconds, int connections) throws IOException, InterruptedException {
        Process w = new ProcessBuilder("taskset", "-c", "1", "wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "5s",
                "http://127.0.0.1:" + port + "/order?sku-wrk").redirectErrorStream(true).start();
        String out = new String(w.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!w.waitFor(seconds + 30L, TimeUnit.SECONDS) || w.exitValue() != 0) throw new IOException("wrk failed: " + out);
        Matcher n = REQUESTS.matcher(out), r = RATE.matcher(out);
        if (!n.find() || !r.find()) throw new IOException("no figures in wrk's output: " + out);
        return new Wrk(Long.parseLong(n.group(1)), Double.parseDouble(r.group(1)));
    }

    /** Methods compiled so far, from the JVM's perf data (jstat reads it without attaching, so the service is not disturbed). */
    static long compilations(long pid) throws IOException, InterruptedException {
        Process j = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-compiler", Long.toString(pid))
                .redirectErrorStream(true).start();
        String out = new String(j.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        j.waitFor(10, TimeUnit.SECONDS);
        String[] lines = out.strip().split("\n");
        try {
            return Long.parseLong(lines[lines.length - 1].strip().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The harshest first minute: Quadrant attached (the jar's {@code attach} command) to the service while it serves the
     * fixed rate after a warm-up; the p99 and the slowest request of the 10 s before and of the 10 s after.
     */
    static String attachSpike(Settings s) throws Exception {
        Path dir = Files.createTempDirectory("peer-attach");
        Process p = service(List.of(), dir, s.warmSeconds() + 120);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            Overhead.lineStarting(out, "main ");
            int port = Integer.parseInt(Overhead.lineStarting(out, "port ").substring("port ".length()));
            while (!LoadGenerator.request(port, "first")) Thread.sleep(1);
            wrk(port, s.warmSeconds() + s.firstSeconds(), s.connections());
            LoadGenerator.Latency before = LoadGenerator.fixedRate(port, s.rate(), 10);
            // the attach command is a JVM of its own: on the service's CPU, as on a host, not on the load generator's
            Process attach = new ProcessBuilder("taskset", "-c", "0", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", s.quadrant().toString(),
                    "attach", Long.toString(p.pid()), "out=" + dir.resolve("reports")).redirectErrorStream(true).start();
            LoadGenerator.Latency after = LoadGenerator.fixedRate(port, s.rate(), 10);
            String said = new String(attach.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            attach.waitFor(30, TimeUnit.SECONDS);
            return String.format(Locale.ROOT, "## Attach into the loaded service%n%n"
                    + "Quadrant attached while the service served %d requests/s after %d s at full load (`attach` said: %s).%n%n"
                    + "| | p50 (ms) | p99 (ms) | slowest (ms) |%n| --- | --- | --- | --- |%n"
                    + "| 10 s before the attach | %.2f | %.2f | %.1f |%n| 10 s from the attach | %.2f | %.2f | %.1f |%n",
                    s.rate(), s.warmSeconds() + s.firstSeconds(), said.replace('\n', ' '), before.p50Ms(), before.p99Ms(), before.maxMs(),
                    after.p50Ms(), after.p99Ms(), after.maxMs());
        } finally {
            Overhead.stop(p, 20, dir);
        }
    }

    record Metric(String name, ToDoubleFunction<Run> value, boolean ratio, String format) {}

    static final List<Metric> METRICS = List.of(
            new Metric("first minute: throughput at full load (req/s)", r -> r.first().throughput(), true, "%.0f"),
            new Metric("first minute: CPU per request at full load (µs)", r -> r.first().cpuUsPerRequest(), true, "%.1f"),
            new Metric("first minute: p50 at the fixed rate (ms)", r -> r.first().p50Ms(), true, "%.2f"),
            new Metric("first minute: p99 at the fixed rate (ms)", r -> r.first().p99Ms(), true, "%.2f"),
            new Metric("first minute: methods compiled", r -> r.first().compilations(), true, "%.0f"),
            new Metric("steady: throughput at full load (req/s)", r -> r.steady().throughput(), true, "%.0f"),
            new Metric("steady: CPU per request at full load (µs)", r -> r.steady().cpuUsPerRequest(), true, "%.1f"),
            new Metric("steady: p50 at the fixed rate (ms)", r -> r.steady().p50Ms(), true, "%.2f"),
            new Metric("steady: p99 at the fixed rate (ms)", r -> r.steady().p99Ms(), true, "%.2f"),
            new Metric("steady: methods compiled", r -> r.steady().compilations(), false, "%.0f"),
            new Metric("RSS at the end (MiB)", Run::rssMiB, false, "%.1f"),
            new Metric("time to main (ms)", Run::toMainMs, false, "%.0f"));

    /** Per peer: the median of its runs, and the median of its ratios to the no-agent run of the same round (min-max). */
    static String markdown(Settings s, List<Map<Peer, Run>> rounds) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "# Quadrant beside its peers%n%n"
                + "%d rounds, order rotated; service on CPU 0, load on CPU 1; first minute: %d s at full load (wrk, %d connections) from the"
                + " first served request, then %d s at %d requests/s; steady: after %d s more at full load, %d s at full load, then %d s at"
                + " %d requests/s. Each cell: median of the runs; in brackets the median ratio to the no-agent run of the same round"
                + " (min-max), or the difference where a ratio means nothing.%n%n", rounds.size(), s.firstSeconds(), s.connections(),
                s.firstRateSeconds(), s.rate(), s.warmSeconds(), s.steadySeconds(), s.rateSeconds(), s.rate()));
        b.append("| metric |");
        for (Peer p : Peer.values()) b.append(' ').append(p.label).append(" |");
        b.append("\n| --- |").append(" --- |".repeat(Peer.values().length)).append('\n');
        for (Metric m : METRICS) {
            b.append("| ").append(m.name()).append(" |");
            for (Peer p : Peer.values()) {
                double[] v = rounds.stream().mapToDouble(r -> m.value().applyAsDouble(r.get(p))).toArray();
                b.append(' ').append(String.format(Locale.ROOT, m.format(), Overhead.median(v)));
                if (p != Peer.NONE) {
                    double[] rel = rounds.stream().mapToDouble(r -> m.ratio()
                            ? m.value().applyAsDouble(r.get(p)) / m.value().applyAsDouble(r.get(Peer.NONE))
                            : m.value().applyAsDouble(r.get(p)) - m.value().applyAsDouble(r.get(Peer.NONE))).toArray();
                    String f = m.ratio() ? "%.2f" : "%+.0f";
                    b.append(" (").append(String.format(Locale.ROOT, f, Overhead.median(rel))).append(", ")
                            .append(String.format(Locale.ROOT, f, Report.min(rel))).append(" to ").append(String.format(Locale.ROOT, f, Report.max(rel))).append(')');
                }
                b.append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    static String runs(List<Map<Peer, Run>> rounds) {
        StringBuilder b = new StringBuilder("## Every run\n\n| round | peer | to main (ms) | first: req/s, µs/req, p50, p99, compiled | steady: req/s, µs/req, p50, p99, compiled | RSS (MiB) |\n"
                + "| --- | --- | --- | --- | --- | --- |\n");
        for (int i = 0; i < rounds.size(); i++) {
            for (Run r : rounds.get(i).values()) {
                b.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %s | %s | %.1f |%n", i + 1, r.peer().name().toLowerCase(Locale.ROOT), r.toMainMs(),
                        phase(r.first()), phase(r.steady()), r.rssMiB()));
            }
        }
        return b.toString();
    }

    private static String phase(Phase p) {
        return String.format(Locale.ROOT, "%.0f, %.1f, %.2f, %.2f, %d", p.throughput(), p.cpuUsPerRequest(), p.p50Ms(), p.p99Ms(), p.compilations());
    }
}
