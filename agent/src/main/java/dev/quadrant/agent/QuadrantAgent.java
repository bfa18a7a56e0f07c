package dev.quadrant.agent;

import dev.quadrant.core.AgentStats;
import java.lang.instrument.Instrumentation;

/** The agent's entry points: {@code -javaagent} at start-up and dynamic attach. Neither ever throws into the JVM. */
public final class QuadrantAgent {
    private QuadrantAgent() {}

    /** The argument the CLI's {@code stop} passes; not an option list (a bare key is an error there). */
    static final String STOP_COMMAND = "stop";

    /** Never throws: a premain that throws makes the JVM abort before the application's main runs. */
    public static void premain(String args, Instrumentation inst) {
        try {
            if (!runsAnApplication(System.getProperty("sun.java.command"), System.getProperty("jdk.module.main"))) return;
        } catch (Throwable t) {
            // a security manager from the command line that does not let the agent read properties: load says so
        }
        load(args, AgentStats.STARTED_WITH_JVM, inst);
    }

    /**
     * False for the JDK's own tools (jcmd, jps, javac, keytool... run from a java.* or jdk.* module) and for a launch
     * with no main class ({@code java -version}): a {@code -javaagent} in JAVA_TOOL_OPTIONS reaches those too, and they
     * must run as if it were not there, with no report folder and no output.
     */
    static boolean runsAnApplication(String command, String mainModule) {
        if (command == null || command.isBlank()) return false;
        return mainModule == null || !(mainModule.startsWith("jdk.") || mainModule.startsWith("java."));
    }

    public static void agentmain(String args, Instrumentation inst) {
        try {
            if (args != null && args.strip().equals(STOP_COMMAND)) {
                Quadrant.stopRunning("stop command");
                return;
            }
        } catch (Throwable t) {
            System.err.println("quadrant: stop failed (" + t + ")");
            return;
        }
        load(args, AgentStats.ATTACHED_LATER, inst);
    }

    static void load(String args, String how, Instrumentation inst) {
        String message;
        try {
            message = Quadrant.start(Options.parse(args), how, inst);
        } catch (Options.BadOption e) {
            message = e.line();
        } catch (Throwable t) {
            Throwable cause = t instanceof ExceptionInInitializerError && t.getCause() != null ? t.getCause() : t;
            message = "quadrant: failed to start (" + cause + "); the application continues without it.";
        }
        try {
            if (message != null) System.err.println(message);
        } catch (Throwable ignored) {
            // no stderr: nothing more to do
        }
        try {
            if (message == null) System.clearProperty(Quadrant.MESSAGE_PROPERTY);
            else System.setProperty(Quadrant.MESSAGE_PROPERTY, message);
        } catch (Throwable ignored) {
            // a security manager that forbids properties: stderr has said it
        }
    }
}
