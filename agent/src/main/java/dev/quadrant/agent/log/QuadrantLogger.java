package dev.quadrant.agent.log;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** The agent's own SLF4J logger: INFO and above, into {@link LogFile}. */
final class QuadrantLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    QuadrantLogger(String name) { this.name = name; }

    @Override public boolean isTraceEnabled() { return false; }
    @Override public boolean isDebugEnabled() { return false; }
    @Override public boolean isInfoEnabled() { return true; }
    @Override public boolean isWarnEnabled() { return true; }
    @Override public boolean isErrorEnabled() { return true; }

    @Override protected String getFullyQualifiedCallerName() { return null; }

    @Override protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args, Throwable t) {
        LogFile.log(level.name(), name, MessageFormatter.basicArrayFormat(pattern, args), t);
    }
}
