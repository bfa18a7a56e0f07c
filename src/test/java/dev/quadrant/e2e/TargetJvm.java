package dev.quadrant.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/** A real JVM running a scenario main with the real agent jar; keeps its output for failure messages, killed on close. */
final class TargetJvm implements AutoCloseable {
    static final Path AGENT_JAR = Path.of(System.getProperty("quadrant.agent.jar", "../../agent/target/quadrant-agent.jar")).toAbsolutePath().normalize();
    static final Path RUNS = Path.of(System.getProperty("quadrant.e2e.out", "target/e2e")).toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern QUADRANT_MODULE =
            java.util.regex.Pattern.compile(".*(/quadrant-(agent|collectors|core|reports)-[^/]*\\.jar|/(agent|collectors|core|reports)/target/classes/?)$");
    /**
     * The test class path without Quadrant's own modules: on the class path the JVM would load them before the agent
     * jar's copies, and the test would no longer run the jar as users get it.
     */
    static final String APPLICATION_CLASS_PATH = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .filter(e -> !QUADRANT_MODULE.matcher(e).matches()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));

    final Path out;
    private final Path stdout, stderr;
    private final Process process;
    private final long startedAtMillis = System.currentTimeMillis();
    private volatile long exitedAtMillis;
    private final java.util.concurrent.CompletableFuture<Void> exitTimed;

    private TargetJvm(Path runDir, Process process, Path reports) {
        this.out = reports;
        this.stdout = runDir.resolve("stdout.txt");
        this.stderr = runDir.resolve("stderr.txt");
        this.process = process;
        exitTimed = process.onExit().thenRun(() -> exitedAtMillis = System.currentTimeMillis());
    }

    /** Runs {@code scenario} with the agent; {@code agentOptions} are appended to {@code out=<run dir>/reports}. */
    static TargetJvm launch(Class<?> scenario, String agentOptions, String... jvmArgs) throws IOException {
        return launchOn(Path.of(System.getProperty("java.home")), scenario, agentOptions, jvmArgs);
    }

    /** As {@link #launch}, on the JDK installed at {@code javaHome}. */
    static TargetJvm launchOn(Path javaHome, Class<?> scenario, String agentOptions, String... jvmArgs) throws IOException {
        return new Launch(scenario).on(javaHome).agent(agentOptions).jvmArgs(jvmArgs).start();
    }

    /** Runs {@code scenario} with exactly this agent argument (for bad-option tests). */
    static TargetJvm launchRaw(Class<?> scenario, String javaagentArgument) throws IOException {
        return new Launch(scenario).jvmArgs(javaagentArgument).start();
    }

    /** A JVM to start: by default the test's own JDK and class path, no agent. */
    static final class Launch {
        private final Class<?> main;
        private Path javaHome = Path.of(System.getProperty("java.home"));
        private String classPath = APPLICATION_CLASS_PATH;
        private String agentOptions;
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private final java.util.Map<String, String> env = new java.util.HashMap<>();
        private Path out;

        Launch(Class<?> main) { this.main = main; }

        Launch on(Path home) { javaHome = home; return this; }
        Launch classPath(String cp) { classPath = cp; return this; }
        /** With the agent at start-up; {@code options} are appended to {@code out=<run dir>/reports}. */
        Launch agent(String options) { agentOptions = options; return this; }
        Launch jvmArgs(String... a) { jvmArgs.addAll(List.of(a)); return this; }
        Launch args(String... a) { args.addAll(List.of(a)); return this; }
        Launch env(String key, String value) { env.put(key, value); return this; }
        /** Reports into {@code dir} instead of the run's own folder. */
        Launch out(Path dir) { out = dir; return this; }

        TargetJvm start() throws IOException {
            if (!Files.isRegularFile(AGENT_JAR)) throw new IllegalStateException("agent jar not built: " + AGENT_JAR);
            Path runDir = Files.createDirectories(RUNS.resolve(main.getSimpleName() + "-" + System.nanoTime()));
            List<String> cmd = new ArrayList<>();
            cmd.add(javaHome.resolve("bin").resolve("java").toString());
            cmd.addAll(jvmArgs);
            Path reports = out != null ? out : runDir.resolve("reports");
            if (agentOptions != null) {
                cmd.add("-javaagent:" + AGENT_JAR + "=out=" + reports + (agentOptions.isEmpty() ? "" : "," + agentOptions));
            }
            cmd.add("-cp");
            cmd.add(classPath);
            cmd.add(main.getName());
            cmd.addAll(args);
            ProcessBuilder b = new ProcessBuilder(cmd).directory(runDir.toFile()).redirectOutput(runDir.resolve("stdout.txt").toFile())
                    .redirectError(runDir.resolve("stderr.txt").toFile());
            b.environment().putAll(env);
            return new TargetJvm(runDir, b.start(), reports);
        }
    }

    long pid() { return process.pid(); }

    Path runDir() { return stdout.getParent(); }

    /** When the process ended, in epoch milliseconds, as this JVM saw it; 0 while it runs. */
    long exitedAtMillis() {
        if (!process.isAlive()) exitTimed.join();
        return exitedAtMillis;
    }

    long startedAtMillis() { return startedAtMillis; }

    /** Sends SIGTERM, as an orchestrator stopping a service does. */
    void terminate() { process.destroy(); }

    /** Waits until {@code latest.json} has a finding of {@code rule} and returns it with the report it was in. */
    Found awaitFinding(String rule, Duration timeout) {
        AtomicReference<Found> found = new AtomicReference<>();
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).failFast(() -> !process.isAlive() && found.get() == null && latestHas(rule).isEmpty())
                .alias(rule + " in latest.json; " + describe())
                .until(() -> {
                    latestHas(rule).ifPresent(found::set);
                    return found.get() != null;
                });
        return found.get();
    }

    /** Waits until {@code latest.json} has a WARNING or CRITICAL finding of {@code rule}: rules may report INFO while evidence builds up. */
    Found awaitWarning(String rule, Duration timeout) {
        return awaitWarning(rule, timeout, f -> true, "");
    }

    /** As {@link #awaitWarning(String, Duration)}, for a finding that also {@code matches} (e.g. names the right site). */
    Found awaitWarning(String rule, Duration timeout, java.util.function.Predicate<JsonNode> matches, String what) {
        AtomicReference<Found> found = new AtomicReference<>();
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).alias(rule + " at WARNING or above " + what + " in latest.json; " + describe())
                .until(() -> {
                    latestHas(rule).filter(f -> !f.severity().equals("INFO") && matches.test(f.finding())).ifPresent(found::set);
                    return found.get() != null;
                });
        return found.get();
    }

    private Optional<Found> latestHas(String rule) {
        JsonNode report = read(out.resolve("latest.json"));
        if (report == null) return Optional.empty();
        for (JsonNode f : report.get("findings")) if (f.get("rule").asText().equals(rule)) return Optional.of(new Found(report, f));
        return Optional.empty();
    }

    /** Waits until at least {@code n} period reports exist. */
    List<JsonNode> awaitReports(int n, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).alias(n + " reports; " + describe()).until(() -> reports().size() >= n);
        return reports();
    }

    List<JsonNode> reports() {
        if (!Files.isDirectory(out)) return List.of();
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().matches("report-\\d+\\.json")).sorted()
                    .map(TargetJvm::read).filter(r -> r != null).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + "; " + describe() + "\nthreads: " + threadDump());
        }
        return process.exitValue();
    }

    String stdout() { return readText(stdout); }

    String stderr() { return readText(stderr); }

    String describe() { return "exit=" + (process.isAlive() ? "running" : process.exitValue()) + "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr(); }

    private static String readText(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static JsonNode read(Path p) {
        try {
            return Files.exists(p) ? JSON.readTree(p.toFile()) : null;
        } catch (IOException e) {
            return null;  // cannot happen with atomic replacement; treated as "not yet"
        }
    }

    static final Duration SIGTERM_EXIT = Duration.ofSeconds(10);

    /**
     * Ends the JVM as an orchestrator does, with SIGTERM, and fails the test unless it then exits by itself within
     * {@link #SIGTERM_EXIT} (a final report included): every test that runs a JVM checks its exit.
     */
    @Override public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (process.waitFor(SIGTERM_EXIT.toMillis(), TimeUnit.MILLISECONDS)) return;
        Path dump = threadDump();
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("did not exit within " + SIGTERM_EXIT + " of SIGTERM; " + describe() + "\nthreads: " + dump);
    }

    /** A JVM that does not exit says where it is stuck: its threads (jcmd Thread.print), in threads.txt of its run folder. */
    private Path threadDump() {
        Path file = runDir().resolve("threads.txt");
        try {
            Path bin = process.info().command().map(c -> Path.of(c).getParent()).orElse(Path.of(System.getProperty("java.home"), "bin"));
            Process jcmd = new ProcessBuilder(bin.resolve("jcmd").toString(), Long.toString(pid()), "Thread.print", "-l")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            if (!jcmd.waitFor(30, TimeUnit.SECONDS)) jcmd.destroyForcibly();
        } catch (IOException | InterruptedException e) {
            return null;
        }
        return file;
    }

    record Found(JsonNode report, JsonNode finding) {
        String severity() { return finding.get("severity").asText(); }
    }
}
