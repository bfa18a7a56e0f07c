package dev.quadrant.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak run: {@link SoakService} with the agent reporting every second (an hour of reports at one a minute in a
 * fraction of the time) for {@code --minutes}, the JVM's heap after a full GC, its native memory (NMT) and its thread
 * count read every 30 s. The service leaks nothing, so what grows is the agent's; the second half's slopes say whether
 * anything does. Writes a markdown table to {@code --out}.
 * <pre>java -cp target/test-classes dev.quadrant.bench.Soak --agent ../../agent/target/quadrant-agent.jar --minutes 10 --out target/soak.md</pre>
 */
public final class Soak {
    static final long SAMPLE_SECONDS = 30;
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern NMT_THREADS = Pattern.compile("Thread \\(reserved=\\d+KB, committed=\\d+KB\\)\\s*\\n\\s*\\(thread #(\\d+)\\)");

    record Sample(long seconds, double heapMiB, double nativeMiB, long threads, long reports) {}

    public static void main(String[] args) throws Exception {
        Path agent = Path.of(arg(args, "--agent", "../../agent/target/quadrant-agent.jar")).toAbsolutePath();
        long minutes = Long.parseLong(arg(args, "--minutes", "10"));
        Path outFile = Path.of(arg(args, "--out", "target/soak.md"));
        Path reports = Files.createTempDirectory("quadrant-soak");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process service = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:NativeMemoryTracking=summary",
                "-javaagent:" + agent + "=out=" + reports + ",interval=1s", "-cp", System.getProperty("java.class.path"),
                SoakService.class.getName(), Long.toString(minutes * 60 + 20))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(reports.resolve("stderr.txt").toFile()).start();
        String pid = Long.toString(service.pid());
        List<Sample> samples = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (long t = SAMPLE_SECONDS; t <= minutes * 60; t += SAMPLE_SECONDS) {
                Thread.sleep(Math.max(0, TimeUnit.SECONDS.toMillis(t) - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
                run(jcmd, pid, "GC.run");
                double heap = kib(HEAP_USED, run(jcmd, pid, "GC.heap_info")) / 1024.0;
                String nmt = run(jcmd, pid, "VM.native_memory", "summary");
                Matcher threads = NMT_THREADS.matcher(nmt);
                long reportCount;
                try (var files = Files.list(reports)) {
                    reportCount = files.filter(p -> p.getFileName().toString().matches("report-\\d+\\.json")).count();
                }
                Sample s = new Sample(t, heap, kib(NMT_TOTAL, nmt) / 1024.0, threads.find() ? Long.parseLong(threads.group(1)) : -1, reportCount);
                samples.add(s);
                System.out.printf("%4d s: heap after GC %.1f MiB, native %.1f MiB, %d threads, %d reports on disk%n",
                        s.seconds(), s.heapMiB(), s.nativeMiB(), s.threads(), s.reports());
            }
        } finally {
            service.destroy();
            if (!service.waitFor(20, TimeUnit.SECONDS)) service.destroyForcibly();
        }
        String errors = Files.readString(reports.resolve("stderr.txt"));
        Files.createDirectories(outFile.toAbsolutePath().getParent());
        Files.writeString(outFile, markdown(samples, minutes, errors));
        System.out.println(Files.readString(outFile));
    }

    static String markdown(List<Sample> samples, long minutes, String stderr) {
        List<Sample> later = samples.subList(samples.size() / 2, samples.size());
        StringBuilder md = new StringBuilder("Soak: SoakService with the agent at interval=1s for " + minutes + " min (" + minutes * 60
                + " reports, as many as " + minutes + " hours at the default interval); every " + SAMPLE_SECONDS + " s after a full GC.\n\n");
        md.append(String.format("Second half's slope: heap after GC %+.2f MiB/h, native memory (NMT committed) %+.2f MiB/h, threads %+.1f/h;"
                        + " ranges %.1f-%.1f MiB, %.1f-%.1f MiB, %d-%d threads.%n%n",
                slope(later, Sample::heapMiB), slope(later, Sample::nativeMiB), slope(later, s -> s.threads()),
                min(later, Sample::heapMiB), max(later, Sample::heapMiB), min(later, Sample::nativeMiB), max(later, Sample::nativeMiB),
                (long) min(later, s -> s.threads()), (long) max(later, s -> s.threads())));
        md.append("| t (s) | heap after GC (MiB) | native, NMT committed (MiB) | threads | reports kept |\n| --- | --- | --- | --- | --- |\n");
        for (Sample s : samples) md.append(String.format("| %d | %.1f | %.1f | %d | %d |%n", s.seconds(), s.heapMiB(), s.nativeMiB(), s.threads(), s.reports()));
        md.append("\nThe service's stderr: ").append(stderr.isBlank() ? "empty" : "\n```\n" + stderr + "```").append('\n');
        return md.toString();
    }

    /** Least-squares slope per hour. */
    static double slope(List<Sample> s, java.util.function.ToDoubleFunction<Sample> y) {
        double n = s.size(), sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (Sample p : s) {
            double x = p.seconds() / 3600.0, v = y.applyAsDouble(p);
            sx += x;
            sy += v;
            sxx += x * x;
            sxy += x * v;
        }
        double d = n * sxx - sx * sx;
        return d == 0 ? 0 : (n * sxy - sx * sy) / d;
    }

    static double min(List<Sample> s, java.util.function.ToDoubleFunction<Sample> y) { return s.stream().mapToDouble(y).min().orElse(0); }

    static double max(List<Sample> s, java.util.function.ToDoubleFunction<Sample> y) { return s.stream().mapToDouble(y).max().orElse(0); }

    private static long kib(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) throw new IllegalStateException("no " + p + " in:\n" + text);
        return Long.parseLong(m.group(1));
    }

    private static String run(Path jcmd, String pid, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(jcmd.toString(), pid));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
        return out;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
        return fallback;
    }
}
