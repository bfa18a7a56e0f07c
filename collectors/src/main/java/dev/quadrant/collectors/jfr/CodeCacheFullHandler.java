package dev.quadrant.collectors.jfr;

import dev.quadrant.core.WindowBuilder;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.RecordedEvent;

/** The code cache filled up: the JVM stops compiling. Rare, and always worth knowing. */
public final class CodeCacheFullHandler implements JfrHandler {
    @Override public String event() { return "jdk.CodeCacheFull"; }

    @Override public void configure(EventSettings s) { s.withoutThreshold(); }

    @Override public void accept(RecordedEvent e, WindowBuilder window) { window.cpu().codeCacheFull(); }
}
