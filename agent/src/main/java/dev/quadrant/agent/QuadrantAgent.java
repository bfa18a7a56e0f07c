package dev.quadrant.agent;

import java.lang.instrument.Instrumentation;

/** The agent's entry points: {@code -javaagent} at start-up and dynamic attach. Neither ever throws into the JVM. */
public final class QuadrantAgent {
    private QuadrantAgent() {}

    public static void premain(String args, Instrumentation inst) { load(args, "premain"); }

    public static void agentmain(String args, Instrumentation inst) { load(args, "agentmain"); }

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
