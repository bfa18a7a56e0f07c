package dev.quadrant.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the agent jar's command line, {@code java -jar quadrant-agent.jar ...}, as a user would. */
final class Cli {
    record Result(int exit, String out, String err) {
        @Override public String toString() { return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err; }
    }

    private Cli() {}

    static Result run(String... args) throws IOException, InterruptedException {
        return runOn(Path.of(System.getProperty("java.home")), args);
    }

    static Result runOn(Path javaHome, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(), "-jar", TargetJvm.AGENT_JAR.toString()));
        cmd.addAll(List.of(args));
        return exec("cli", cmd);
    }

    /** {@code jcmd} of the given JDK. */
    static Result jcmd(Path javaHome, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaHome.resolve("bin/jcmd").toString()));
        cmd.addAll(List.of(args));
        return exec("jcmd", cmd);
    }

    private static Result exec(String name, List<String> cmd) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(TargetJvm.RUNS.resolve(name + "-" + System.nanoTime()));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish in 60 s");
        }
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }
}
