package dev.quadrant.agent;

import java.io.InputStream;
import java.util.Properties;

/** The agent's version: from the jar's manifest (already read when the agent loads), else from a resource. */
final class Version {
    private static volatile String version;

    private Version() {}

    static String get() {
        String v = version;
        if (v != null) return v;
        v = Version.class.getPackage().getImplementationVersion();  // a resource lookup would add ~4 ms to start-up
        if (v != null) return version = v;
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/quadrant-version.properties")) {
            if (in != null) p.load(in);
        } catch (Exception ignored) {
            // unknown version is not worth failing for
        }
        return version = p.getProperty("version", "unknown");
    }
}
