package dev.quadrant.agent;

import java.io.InputStream;
import java.util.Properties;

/** The agent's version, from the jar. */
final class Version {
    private static volatile String version;

    private Version() {}

    static String get() {
        String v = version;
        if (v != null) return v;
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/quadrant-version.properties")) {
            if (in != null) p.load(in);
        } catch (Exception ignored) {
            // unknown version is not worth failing for
        }
        return version = p.getProperty("version", "unknown");
    }
}
