package dev.quadrant.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whole-process A/B on a Tomcat service: none, JFR alone, Quadrant, alternating over rounds; the service pinned to CPU 1
 * and this load generator to CPU 0 ({@code taskset -c 0 java ... TomcatAB <agent.jar> <class path> [rounds] [seconds]}).
 * Prints throughput at full load and the service's CPU per 1,000 requests.
 */
public final class TomcatAB {
    public static void main(String[] args) throws Exception {
        Path agent = Path.of(args[0]).toAbsolutePath();
        String classPath = args[1];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        String[] configs = {"none", "jfr", "quadrant"};
        List<double[]> results = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < configs.length; k++) {
                String c = configs[r % 2 == 0 ? k : configs.length - 1 - k];
                double[] run = run(c, agent, classPath, seconds);
                results.add(new double[] {indexOf(configs, c), run[0], run[1]});
                System.out.printf(Locale.ROOT, "round %d %-8s %8.0f req/s %7.1f ms CPU per 1000 requests%n", r + 1, c, run[0], run[1]);
            }
        }
        for (int k = 0; k < configs.length; k++) {
            int kk = k;
            double[] t = results.stream().filter(x -> x[0] == kk).mapToDouble(x -> x[1]).sorted().toArray();
            double[] cpu = results.stream().filter(x -> x[0] == kk).mapToDouble(x -> x[2]).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %s | %.0f (%.0f-%.0f) | %.1f (%.1f-%.1f) |%n", configs[k], Overhead.median(t), t[0], t[t.length - 1],
                    Overhead.median(cpu), cpu[0], cpu[cpu.length - 1]);
        }
    }

    private static int indexOf(String[] a, String s) {
        for (int i = 0; i < a.length; i++) if (a[i].equals(s)) return i;
        return -1;
    }

    /** {requests per second, service CPU ms per 1000 requests} after a warm-up as long as the measurement. */
    static double[] run(String config, Path agent, String classPath, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("tomcat-ab");
        List<String> cmd = new ArrayList<>(List.of("taskset", "-c", "1", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        if (config.equals("jfr")) cmd.add("-XX:StartFlightRecording=filename=" + dir.resolve("rec.jfr"));
        if (config.equals("quadrant")) cmd.add("-javaagent:" + agent + "=out=" + dir.resolve("reports") + ",interval=10s");
        cmd.addAll(List.of("-cp", classPath, TomcatOrderService.class.getName(), Integer.toString(seconds * 2 + 60)));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            int port = Integer.parseInt(Overhead.lineStarting(out, "port ").substring("port ".length()));
            while (!LoadGenerator.request(port, "first")) Thread.sleep(1);
            LoadGenerator.fullLoad(port, 8, seconds);
            long cpuBefore = Overhead.cpuMillis(p.pid());
            LoadGenerator.Throughput t = LoadGenerator.fullLoad(port, 8, seconds);
            long cpuAfter = Overhead.cpuMillis(p.pid());
            return new double[] {t.perSecond(), (cpuAfter - cpuBefore) * 1000.0 / Math.max(1, t.requests())};
        } finally {
            p.destroy();
            p.waitFor();
        }
    }
}
