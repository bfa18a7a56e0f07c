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
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * What Quadrant costs a service: the reference service run with no agent, with JFR alone (default settings)
 * and with Quadrant, in alternating order, pair after pair; then start-up times. Prints a Markdown report.
 * {@code --pairs 1 --seconds 1} is the smoke version CI runs.
 */
public final class Overhead {
    enum Config { NONE, JFR, QUADRANT }

    record Run(Config config, double throughput, double p50Ms, double p99Ms, double cpuMsPerKiloRequest, double rssMiB, double liveHeapMiB) {}

    record Settings(int pairs, int warmupSeconds, int seconds, int rate, int clients, int startupRuns, Path agentJar, Path out) {}

    public static void main(String[] args) throws Exception {
        Settings s = settings(args);
        String report = run(s);
        System.out.println(report);
        if (s.out() != null) Files.writeString(s.out(), report);
    }

    static Settings settings(String[] args) {
        Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        return new Settings(Integer.parseInt(a.getOrDefault("pairs", "10")), Integer.parseInt(a.getOrDefault("warmup", "5")),
                Integer.parseInt(a.getOrDefault("seconds", "10")), Integer.parseInt(a.getOrDefault("rate", "300")),
                Integer.parseInt(a.getOrDefault("clients", "8")), Integer.parseInt(a.getOrDefault("startup-runs", "10")),
                Path.of(a.getOrDefault("agent", "agent/target/quadrant-agent.jar")).toAbsolutePath(),
                a.containsKey("out") ? Path.of(a.get("out")) : null);
    }

    static String run(Settings s) throws Exception {
        if (!Files.isRegularFile(s.agentJar())) throw new IllegalStateException("agent jar not built: " + s.agentJar());
        List<Run[]> pairs = new ArrayList<>();
        for (int p = 0; p < s.pairs(); p++) {
            Config[] order = p % 2 == 0 ? Config.values() : new Config[] {Config.QUADRANT, Config.JFR, Config.NONE};
            Run[] runs = new Run[Config.values().length];
            for (Config c : order) runs[c.ordinal()] = loadRun(c, s);
            pairs.add(runs);
            System.err.printf(Locale.ROOT, "pair %d: %s%n", p + 1, Arrays.toString(runs));
        }
        Map<Config, double[]> toMain = new EnumMap<>(Config.class), toServe = new EnumMap<>(Config.class);
        for (Config c : Config.values()) { toMain.put(c, new double[s.startupRuns()]); toServe.put(c, new double[s.startupRuns()]); }
        for (int i = 0; i < s.startupRuns(); i++) {
            for (Config c : Config.values()) {
                double[] t = startupRun(c, s);
                toMain.get(c)[i] = t[0];
                toServe.get(c)[i] = t[1];
            }
        }
        return Report.markdown(s, pairs, toMain, toServe);
    }

    /** One service JVM: warm-up, full load, fixed rate, then its CPU, memory and live heap. */
    static Run loadRun(Config c, Settings s) throws Exception {
        Path dir = Files.createTempDirectory("overhead-" + c.name().toLowerCase(Locale.ROOT));
        Process p = start(c, s, dir, s.warmupSeconds() + 2L * s.seconds() + 60);
        try {
            int port = awaitPort(p);
            LoadGenerator.fullLoad(port, s.clients(), s.warmupSeconds());
            long cpuBefore = cpuMillis(p.pid());
            LoadGenerator.Throughput t = LoadGenerator.fullLoad(port, s.clients(), s.seconds());
            long cpuAfter = cpuMillis(p.pid());
            LoadGenerator.Latency l = LoadGenerator.fixedRate(port, s.rate(), s.seconds());
            double rss = rssMiB(p.pid());
            jcmd(p.pid(), "GC.run");
            double heap = liveHeapMiB(port);
            return new Run(c, t.perSecond(), l.p50Ms(), l.p99Ms(), (cpuAfter - cpuBefore) * 1000.0 / Math.max(1, t.requests()), rss, heap);
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            deleteTree(dir);
        }
    }

    /** Milliseconds from launch to main's first line, and to the first served request. */
    static double[] startupRun(Config c, Settings s) throws Exception {
        Path dir = Files.createTempDirectory("startup-" + c.name().toLowerCase(Locale.ROOT));
        long launched = System.currentTimeMillis();
        Process p = start(c, s, dir, 30);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            long main = Long.parseLong(lineStarting(out, "main ").substring("main ".length()));
            int port = Integer.parseInt(lineStarting(out, "port ").substring("port ".length()));
            while (!LoadGenerator.request(port, "first")) Thread.sleep(1);
            return new double[] {main - launched, System.currentTimeMillis() - launched};
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            deleteTree(dir);
        }
    }

    static Process start(Config c, Settings s, Path dir, long lifetimeSeconds) throws IOException {
        // nodelay: the JDK HttpServer writes headers and body separately; with Nagle each response waits 40 ms for an ACK
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dsun.net.httpserver.nodelay=true"));
        if (c == Config.JFR) cmd.add("-XX:StartFlightRecording=filename=" + dir.resolve("rec.jfr"));
        if (c == Config.QUADRANT) cmd.add("-javaagent:" + s.agentJar() + "=out=" + dir.resolve("reports") + ",interval=10s");
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

    static int awaitPort(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        return Integer.parseInt(lineStarting(out, "port ").substring(5));
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

    static double liveHeapMiB(int port) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/stats").openConnection();
        c.setReadTimeout(5000);
        String body = new String(c.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        return Long.parseLong(body.substring("heapUsed ".length())) / 1048576.0;
    }

    static void jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(30, TimeUnit.SECONDS);
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

    static double[] column(List<Run[]> pairs, Config c, ToDoubleFunction<Run> metric) {
        return pairs.stream().mapToDouble(r -> metric.applyAsDouble(r[c.ordinal()])).toArray();
    }
}
