package dev.quadrant.agent;

import dev.quadrant.core.AgentStats;
import java.lang.instrument.Instrumentation;

/** The agent's entry points: {@code -javaagent} at start-up and dynamic attach. Neither ever throws into the JVM. */
public final class QuadrantAgent {
    private QuadrantAgent() {}

    /** The argument the CLI's {@code stop} passes; not an option list (a bare key is an error there). */
    static final String STOP_COMMAND = "stop";

    public static void premain(String args, Instrumentation inst) { load(args, AgentStats.STARTED_WITH_JVM); }

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
        load(args, AgentStats.ATTACHED_LATER);
    }

    static void load(String args, String how) {
        try {
            Options options = Options.parse(args);
            String message = Quadrant.start(options, how);
            if (message != null) System.err.println(message);
        } catch (Options.BadOption e) {
            System.err.println(e.line());
        } catch (Throwable t) {
            System.err.println("quadrant: failed to start (" + t + "); the application continues without it.");
        }
    }
}
