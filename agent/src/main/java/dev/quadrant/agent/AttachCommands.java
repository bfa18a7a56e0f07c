package dev.quadrant.agent;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code list}, {@code attach <pid>} and {@code stop <pid>} through the Attach API. Runs on any JDK 17+,
 * whatever the target's; each failure is one line naming the cause, with its own exit code.
 */
final class AttachCommands {
    static final int OK = 0, FAILED = 1, USAGE = 2, NO_PROCESS = 3, NOT_ATTACHABLE = 4, NOT_RUNNING = 5, INCOMPATIBLE = 6, OTHER_USER = 7;
    static final int MIN_FEATURE_VERSION = 17;
    static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(10);  // a hung target must not hang the CLI
    static final Duration STOP_WAIT = Duration.ofSeconds(15);       // final report (bounded to 5 s) plus JFR close

    private final PrintStream out;
    private final PrintStream err;
    private final Path jar;

    AttachCommands(PrintStream out, PrintStream err, Path jar) {
        this.out = out;
        this.err = err;
        this.jar = jar;
    }

    /** What the CLI learns of a target JVM before it acts. */
    record Target(long pid, String javaVersion, int feature, Optional<String> quadrant) {}

    int list() {
        List<VirtualMachineDescriptor> vms = VirtualMachine.list();
        long self = ProcessHandle.current().pid();
        out.printf("%-8s %-10s %-44s %s%n", "PID", "JAVA", "MAIN", "QUADRANT");
        for (VirtualMachineDescriptor d : vms) {
            long pid = parsePid(d.id());
            if (pid == self) continue;
            String java = "?", quadrant = "?";
            try {
                Target t = inspect(pid);
                java = t.javaVersion();
                quadrant = t.quadrant().map(AttachCommands::describe).orElse("not running");
            } catch (Exception e) {
                quadrant = "cannot attach: " + cause(e);
            }
            out.printf("%-8d %-10s %-44s %s%n", pid, java, abbreviate(d.displayName(), 44), quadrant);
        }
        return OK;
    }

    int attach(String pidText, String options) {
        Long pid = pid(pidText);
        if (pid == null) return USAGE;
        Options parsed;
        try {
            parsed = Options.parse(options);
        } catch (Options.BadOption e) {
            err.println(e.line().replace("Quadrant is not started; the application continues.", "Nothing was attached."));
            return USAGE;
        }
        // The target resolves a relative folder against its own working directory: make it this shell's.
        String agentOptions = parsed.withAbsoluteOut().format();
        return withTarget(pid, (vm, t) -> {
            if (t.quadrant().isPresent()) {
                out.println("Quadrant is already running in " + pid + " (" + describe(t.quadrant().get()) + "); nothing changed."
                        + " To change its options: stop " + pid + ", then attach again.");
                return OK;
            }
            if (t.feature() < MIN_FEATURE_VERSION) {
                err.println("quadrant: process " + pid + " runs Java " + t.javaVersion() + "; Quadrant needs Java " + MIN_FEATURE_VERSION + " or newer.");
                return INCOMPATIBLE;
            }
            vm.loadAgent(jar.toString(), agentOptions);
            Optional<String> now = marker(vm);
            if (now.isEmpty()) {
                String said = vm.getSystemProperties().getProperty(Quadrant.MESSAGE_PROPERTY);
                err.println(said != null ? said.replace("quadrant: ", "quadrant: in " + pid + ": ")
                        : "quadrant: the agent was loaded into " + pid + " but did not start; see that process's stderr.");
                return FAILED;
            }
            out.println("Quadrant started in " + pid + ": " + describe(now.get()));
            if (t.feature() >= 21) {
                out.println("Note: on Java " + t.feature() + " the JVM warns about agents loaded into a running JVM (JEP 451)."
                        + " To avoid it, start the JVM with -javaagent:" + jar + "=" + options + ", or allow it with -XX:+EnableDynamicAgentLoading.");
            }
            return OK;
        });
    }

    int stop(String pidText) {
        Long pid = pid(pidText);
        if (pid == null) return USAGE;
        return withTarget(pid, (vm, t) -> {
            if (t.quadrant().isEmpty()) {
                err.println("quadrant: Quadrant is not running in " + pid + ".");
                return NOT_RUNNING;
            }
            vm.loadAgent(jar.toString(), QuadrantAgent.STOP_COMMAND);
            long deadline = System.nanoTime() + STOP_WAIT.toNanos();
            while (marker(vm).isPresent()) {
                if (System.nanoTime() > deadline) {
                    err.println("quadrant: " + pid + " did not confirm the stop within " + STOP_WAIT.toSeconds() + " s.");
                    return FAILED;
                }
                Thread.sleep(100);
            }
            out.println("Quadrant stopped in " + pid + "; its final report is in " + field(t.quadrant().get(), "out") + ".");
            return OK;
        });
    }

    private interface Action {
        int run(VirtualMachine vm, Target target) throws Exception;
    }

    /** Attaches (bounded in time), inspects, acts, detaches; maps every failure to one line and an exit code. */
    private int withTarget(long pid, Action action) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            err.println("quadrant: no process " + pid + " (it has ended, or the number is wrong); see 'list'.");
            return NO_PROCESS;
        }
        if (pid == ProcessHandle.current().pid()) {
            err.println("quadrant: " + pid + " is this command itself.");
            return USAGE;
        }
        Optional<String> owner = otherOwner(process.get());
        if (owner.isPresent()) {
            err.println("quadrant: process " + pid + " belongs to user " + owner.get() + "; run this command as that user"
                    + " (the JVM only accepts attach from its own user).");
            return OTHER_USER;
        }
        // HotSpot's attach handshake sends SIGQUIT, which ends a process that is not a JVM: never try one.
        if (!looksLikeJvm(pid, process.get())) {
            err.println("quadrant: process " + pid + " (" + process.get().info().command().orElse("?") + ") is not a Java virtual machine;"
                    + " nothing was attached.");
            return NOT_ATTACHABLE;
        }
        VirtualMachine vm;
        try {
            vm = timed(() -> VirtualMachine.attach(Long.toString(pid)));
        } catch (Exception e) {
            err.println("quadrant: cannot attach to " + pid + ": " + cause(e) + ". It was started with -XX:+DisableAttachMechanism,"
                    + " or it does not answer.");
            return NOT_ATTACHABLE;
        }
        try {
            return action.run(vm, inspect(vm, pid));
        } catch (AgentInitializationException | AgentLoadException e) {
            err.println("quadrant: the agent failed to load in " + pid + ": " + cause(e) + "; see that process's stderr.");
            return FAILED;
        } catch (Exception e) {
            err.println("quadrant: " + pid + ": " + cause(e));
            return FAILED;
        } finally {
            try {
                vm.detach();
            } catch (IOException ignored) {
                // the target may have ended meanwhile
            }
        }
    }

    private Target inspect(long pid) throws Exception {
        VirtualMachine vm = timed(() -> VirtualMachine.attach(Long.toString(pid)));
        try {
            return inspect(vm, pid);
        } finally {
            vm.detach();
        }
    }

    private static Target inspect(VirtualMachine vm, long pid) throws IOException {
        Properties p = vm.getSystemProperties();
        String version = p.getProperty("java.version", "?");
        return new Target(pid, version, feature(p.getProperty("java.specification.version", "0")), marker(vm));
    }

    private static Optional<String> marker(VirtualMachine vm) throws IOException {
        return Optional.ofNullable(vm.getSystemProperties().getProperty(Quadrant.MARKER_PROPERTY));
    }

    static int feature(String specVersion) {
        try {
            return specVersion.startsWith("1.") ? Integer.parseInt(specVersion.substring(2)) : Integer.parseInt(specVersion.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Listed by the Attach API (it has a perf-data file), or its executable is a {@code java} launcher. */
    static boolean looksLikeJvm(long pid, ProcessHandle p) {
        String id = Long.toString(pid);
        if (VirtualMachine.list().stream().anyMatch(d -> d.id().equals(id))) return true;
        return p.info().command().map(c -> Path.of(c).getFileName().toString().equals("java")).orElse(false);
    }

    /** The owner, when it is another user and this one is not root (root may attach to any JVM). */
    private static Optional<String> otherOwner(ProcessHandle p) {
        String me = System.getProperty("user.name");
        Optional<String> owner = p.info().user();
        if (owner.isEmpty() || owner.get().equals(me) || me.equals("root")) return Optional.empty();
        return owner;
    }

    private <T> T timed(java.util.concurrent.Callable<T> call) throws Exception {
        ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "quadrant-attach");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<T> f = exec.submit(call);
            return f.get(ATTACH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no answer within " + ATTACH_TIMEOUT.toSeconds() + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } finally {
            exec.shutdownNow();
        }
    }

    private Long pid(String text) {
        try {
            long pid = Long.parseLong(text);
            if (pid > 0) return pid;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        err.println("quadrant: '" + text + "' is not a process id; see 'list'.");
        return null;
    }

    private static long parsePid(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String describe(String marker) {
        return "reports in " + field(marker, "out") + " every " + field(marker, "interval") + ", " + field(marker, "loadedBy");
    }

    static String field(String marker, String key) {
        for (String part : marker.split(";")) if (part.startsWith(key + "=")) return part.substring(key.length() + 1);
        return "?";
    }

    private static String cause(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getMessage() == null) c = c.getCause();
        if (e instanceof AttachNotSupportedException && e.getMessage() != null) return e.getMessage();
        return c.getMessage() != null ? c.getMessage() : c.getClass().getSimpleName();
    }

    private static String abbreviate(String s, int max) {
        if (s == null || s.isBlank()) return "(unknown)";
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
