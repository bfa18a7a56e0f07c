package dev.quadrant.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;

/**
 * What an agent costs a start-up that loads many classes (a framework's start-up loads ten thousand): a JVM loads every
 * class of the given jars through one class loader, with no agent and with each agent given, alternating, and prints the
 * time each took. {@code java ... ClassLoadAB <rounds> <jar:jar:...> [agent.jar[=options]]...}; each class is loaded,
 * not initialized, so the figures are the JVM's loading plus every transformer's look at the class.
 */
public final class ClassLoadAB {
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        String jars = args[1];
        List<String> sides = new ArrayList<>(List.of(""));
        for (int i = 2; i < args.length; i++) sides.add(args[i]);
        double[][] ms = new double[sides.size()][rounds];
        int classes = 0;
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < sides.size(); k++) {
                int side = r % 2 == 0 ? k : sides.size() - 1 - k;
                String[] result = load(sides.get(side), jars).split(" ");
                classes = Integer.parseInt(result[0]);
                ms[side][r] = Double.parseDouble(result[1]);
            }
        }
        System.out.printf(Locale.ROOT, "%d classes loaded, %d rounds, alternating; median (min-max) ms%n", classes, rounds);
        for (int k = 0; k < sides.size(); k++) {
            System.out.printf(Locale.ROOT, "%-60s %8.1f (%.1f-%.1f)%n", sides.get(k).isEmpty() ? "no agent" : sides.get(k),
                    Overhead.median(ms[k]), Report.min(ms[k]), Report.max(ms[k]));
        }
    }

    static String load(String agent, String jars) throws Exception {
        Path dir = Files.createTempDirectory("classload");
        try {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
            if (!agent.isEmpty()) cmd.add("-javaagent:" + agent + (agent.contains("=") ? "," : "=") + "out=" + dir.resolve("reports"));
            cmd.addAll(List.of("-cp", Overhead.serviceClassPath(), Loader.class.getName(), jars));
            if (!agent.isEmpty()) {
                cmd.add(dir.resolve("reports").resolve("quadrant.log").toString());
                cmd.add(agent.contains("instrument=off") ? " JFR streaming " : " Woven ");
            }
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line = Overhead.lineStarting(out, "loaded ").substring("loaded ".length());
                if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
                return line;
            }
        } finally {
            Overhead.deleteTree(dir);
        }
    }

    /** The loading JVM: with an agent, waits until its log says it has started (it starts in the background), then loads. */
    public static final class Loader {
        public static void main(String[] args) throws Exception {
            List<URL> urls = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String jar : args[0].split(":")) {
                urls.add(Path.of(jar).toUri().toURL());
                try (JarFile j = new JarFile(jar)) {
                    j.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class") && !n.contains("-") && !n.startsWith("META-INF"))
                            .forEach(n -> names.add(n.substring(0, n.length() - ".class".length()).replace('/', '.')));
                }
            }
            if (args.length > 2) awaitStarted(Path.of(args[1]), args[2]);
            int loaded = 0;
            long started = System.nanoTime();
            try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), null)) {
                for (String n : names) {
                    try {
                        Class.forName(n, false, loader);
                        loaded++;
                    } catch (ClassNotFoundException | LinkageError e) {
                        // optional dependencies absent: not loaded, not counted
                    }
                }
            }
            System.out.printf(Locale.ROOT, "loaded %d %.1f%n", loaded, (System.nanoTime() - started) / 1e6);
            System.exit(0);
        }

        /** Until the agent's log has the line of its last start stage (the weaving, or JFR's start when it does not weave). */
        private static void awaitStarted(Path log, String line) throws Exception {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (Files.exists(log) && Files.readString(log).contains(line)) return;
                Thread.sleep(20);
            }
            throw new IllegalStateException("no '" + line.strip() + "' in " + log + " within 60 s");
        }
    }
}
