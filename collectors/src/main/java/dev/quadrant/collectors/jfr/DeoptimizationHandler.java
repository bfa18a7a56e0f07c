package dev.quadrant.collectors.jfr;

import dev.quadrant.core.WindowBuilder;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;

/** Compiled code thrown away (JDK 14+): counted by method and reason, without a stack (the method is the evidence). */
public final class DeoptimizationHandler implements JfrHandler {
    @Override public String event() { return "jdk.Deoptimization"; }

    @Override public void configure(EventSettings s) { s.withoutThreshold().withoutStackTrace(); }

    @Override public void accept(RecordedEvent e, WindowBuilder window) {
        RecordedMethod m = e.getValue("method");
        String method = m == null ? "(unknown)" : m.getType().getName() + "." + m.getName();
        window.cpu().deoptimization(method, String.valueOf(e.getString("reason")), String.valueOf(e.getString("action")));
    }
}
