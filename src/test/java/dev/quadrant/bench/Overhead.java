package dev.quadrant.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Quadrant costs a service: the reference service run with no agent, with JFR alone (default settings)
 * and with Quadrant, in alternating order, round after round; each launch also times start-up. Prints a Markdown
 * report. {@code --pairs 1 --warmup 1 --seconds 1 --rate-seconds 1} is the smoke version CI runs.
 */
public final class Overhead {
    enum Config { NONE, JFR, QUADRANT }

    record Run(Config config, double toMainMs, double toServedMs, double throughput, double p50Ms, double p99Ms, double cpuMsPerKiloRequest,
               double fixedRateCpuShare, double rssMiB, double nonHeapRssMiB, double liveHeapMiB) {}

    /**
     * {@code jfrEvery}: JFR alone runs in every n-th round only (it is the reference the RSS budget is set against,
     * not a side of the pairs), which keeps the whole benchmark under 15 minutes.
     */
    record Settings(int pairs, int jfrEvery, int warmupSeconds, int seconds, int rateSeconds, int rate, int clients, Path agentJar,
                    String agentOptions, Path out) {
        Settings withAgent(Path jar, String options) {
            return new Settings(pairs, jfrEvery, warmupSeconds, seconds, rateSeconds, rate, clients, jar, options, out);
        }
    }

    public static void main(String[] args) throws Exception {
        Settings s = settings(args);
        String report = run(s);
        System.out.println(report);
        if (s.out() != null) Files.writeString(s.out(), report);
    }

    /** {@code --pairs --jfr-every --warmup --seconds --rate-seconds --rate --clients --agent --agent-options --out}. */
    static Settings settings(String[] args) {
        Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        return new Settings(Integer.parseInt(a.getOrDefault("pairs", "10")), Integer.parseInt(a.getOrDefault("jfr-every", "2")),
                Integer.parseInt(a.getOrDefault("warmup", "10")), Integer.parseInt(a.getOrDefault("seconds", "8")), Integer.parseInt(a.getOrDefault("rate-seconds", "6")),
                Integer.parseInt(a.getOrDefault("rate", "500")), Integer.parseInt(a.getOrDefault("clients", "8")),
                Path.of(a.getOrDefault("agent", "agent/target/quadrant-agent.jar")).toAbsolutePath(), a.getOrDefault("agent-options", ""),
                a.containsKey("out") ? Path.of(a.get("out")) : null);
    }

    static String run(Settings s) throws Exception {
        if (!Files.isRegularFile(s.agentJar())) throw new IllegalStateException("agent jar not built: " + s.agentJar());
        List<Map<Config, Run>> rounds = new ArrayList<>();
        for (int r = 0; r < s.pairs(); r++) {
            List<Config> order = new ArrayList<>(List.of(Config.values()));
            if (r % s.jfrEvery() != 0) order.remove(Config.JFR);
            if (r % 2 == 1) Collections.reverse(order);
            Map<Config, Run> runs = new EnumMap<>(Config.class);
            for (Config c : order) runs.put(c, loadRun(c, s));
            rounds.add(runs);
            System.err.printf(Locale.ROOT, "round %d: %s%n", r + 1, runs.values());
        }
        return Report.markdown(s, rounds) + "\n" + Report.runs(rounds);
    }

    /** One service JVM: start-up, warm-up, full load, fixed rate, then its memory and live heap. */
    static Run loadRun(Config c, Settings s) throws Exception {
        Path dir = Files.createTempDirectory("overhead-" + c.name().toLowerCase(Locale.ROOT));
        long launched = System.currentTimeMillis();
        Process p = start(c, s, dir, s.warmupSeconds() + s.seconds() + s.rateSeconds() + 60);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            long main = Long.parseLong(lineStarting(out, "main ").substring("main ".length()));
            int port = Integer.parseInt(lineStarting(out, "port ").substring("port ".length()));
            while (!LoadGenerator.request(port, "first")) Thread.sleep(1);
            long served = System.currentTimeMillis();
            LoadGenerator.fullLoad(port, s.clients(), s.warmupSeconds());
            long cpuBefore = cpuMillis(p.pid());
            LoadGenerator.Throughput t = LoadGenerator.fullLoad(port, s.clients(), s.seconds());
            long cpuAfter = cpuMillis(p.pid());
            long fixedStarted = System.nanoTime();
            LoadGenerator.Latency l = LoadGenerator.fixedRate(port, s.rate(), s.rateSeconds());
            double fixedCpuShare = (cpuMillis(p.pid()) - cpuAfter) * 1e6 / (System.nanoTime() - fixedStarted);
            double rss = rssMiB(p.pid());
            double heapRss = heapResidentMiB(p.pid());
            jcmd(p.pid(), "GC.run");
            double heap = liveHeapMiB(port);
            return new Run(c, main - launched, served - launched, t.perSecond(), l.p50Ms(), l.p99Ms(),
                    (cpuAfter - cpuBefore) * 1000.0 / Math.max(1, t.requests()), fixedCpuShare * 100, rss, rss - heapRss, heap);
        } finally {
            stop(p, 10, dir);
        }
    }

    /** Ends a service JVM (SIGTERM, then SIGKILL after {@code graceSeconds}) and deletes its folder. */
    static void stop(Process p, long graceSeconds, Path dir) throws IOException, InterruptedException {
        p.destroy();
        if (!p.waitFor(graceSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        deleteTree(dir);
    }

    static Process start(Config c, Settings s, Path dir, long lifetimeSeconds) throws IOException {
        // nodelay: the JDK HttpServer writes headers and body separately; with Nagle each response waits 40 ms for an ACK
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dsun.net.httpserver.nodelay=true"));
        if (c == Config.JFR) cmd.add("-XX:StartFlightRecording=filename=" + dir.resolve("rec.jfr"));
        if (c == Config.QUADRANT) {
            cmd.add("-javaagent:" + s.agentJar() + "=out=" + dir.resolve("reports") + ",interval=10s" + (s.agentOptions().isEmpty() ? "" : "," + s.agentOptions()));
        }
        cmd.addAll(List.of("-cp", serviceClassPath(), ReferenceService.class.getName(), Long.toString(lifetimeSeconds)));
        return new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    /**
     * Only the service's own classes: the test class path also holds Quadrant's modules, which the JVM would load
     * before the agent jar's copies, so two agent builds compared would both run the installed one.
     */
    static String serviceClassPath() {
        try {
            return Path.of(ReferenceService.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service's own lines, skipping what the JVM itself prints (JFR's start-up message). */
    static String lineStarting(BufferedReader out, String prefix) throws IOException {
        for (String line; (line = out.readLine()) != null; ) if (line.startsWith(prefix)) return line;
        throw new IOException("service ended before printing '" + prefix + "'");
    }

    /** utime + stime of the process, from /proc (clock ticks of 10 ms on Linux). */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    static double rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
        return -1;
    }

    /**
     * The resident part of the Java heap: the heap's address range from {@code GC.heap_info}, its pages' Rss from
     * {@code /proc/<pid>/smaps}. RSS minus this is the non-heap memory the budget is about; the heap's residency
     * follows the allocation rate and the collector's sizing, not what the agent keeps.
     */
    static double heapResidentMiB(long pid) throws IOException, InterruptedException {
        Matcher range = HEAP_RANGE.matcher(jcmdOutput(pid, "GC.heap_info"));
        if (!range.find()) throw new IOException("no heap address range in GC.heap_info of " + pid);
        long lo = Long.parseUnsignedLong(range.group(1), 16), hi = Long.parseUnsignedLong(range.group(2), 16);
        long kb = 0;
        boolean inHeap = false;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps"))) {
            Matcher vma = VMA.matcher(line);
            if (vma.lookingAt()) {
                inHeap = Long.parseUnsignedLong(vma.group(1), 16) >= lo && Long.parseUnsignedLong(vma.group(2), 16) <= hi;
            } else if (inHeap && line.startsWith("Rss:")) {
                kb += Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return kb / 1024.0;
    }

    private static final Pattern HEAP_RANGE = Pattern.compile("heap .*\\[0x([0-9a-f]+), 0x([0-9a-f]+)\\)");
    private static final Pattern VMA = Pattern.compile("([0-9a-f]+)-([0-9a-f]+) ");

    static double liveHeapMiB(int port) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/stats").openConnection();
        c.setReadTimeout(5000);
        String body = new String(c.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        return Long.parseLong(body.substring("heapUsed ".length())) / 1048576.0;
    }

    static void jcmd(long pid, String command) throws IOException, InterruptedException {
        jcmdOutput(pid, command);
    }

    static String jcmdOutput(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), command)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The metric of every run of one configuration, round by round (rounds it did not run in are skipped). */
    static double[] column(List<Map<Config, Run>> rounds, Config c, ToDoubleFunction<Run> metric) {
        return rounds.stream().filter(r -> r.containsKey(c)).mapToDouble(r -> metric.applyAsDouble(r.get(c))).toArray();
    }
}
