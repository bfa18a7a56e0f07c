package dev.quadrant.collectors.jfr;

import dev.quadrant.core.WindowBuilder;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.RecordedEvent;

/** A method the JIT could not compile (it keeps running slower code). */
public final class CompilationFailureHandler implements JfrHandler {
    static final int MAX_MESSAGE = 200;

    @Override public String event() { return "jdk.CompilationFailure"; }

    @Override public void configure(EventSettings s) { s.withoutThreshold().withoutStackTrace(); }

    @Override public void accept(RecordedEvent e, WindowBuilder window) {
        String message = String.valueOf(e.getString("failureMessage"));
        window.cpu().compilationFailure(message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message);
    }
}
