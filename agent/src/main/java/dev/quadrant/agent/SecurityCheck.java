package dev.quadrant.agent;

import java.io.FilePermission;
import java.nio.file.Path;
import java.security.Permission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a security manager lets the agent do (JDK 17-23: an application may install one at any time, with a policy
 * that grants the agent's jar nothing). Checked in the agent's own context, on its tick: a denied permission turns
 * off the part that needs it, said once, instead of failing it every period.
 */
@SuppressWarnings("removal")  // the security manager API is deprecated for removal, and still there on 17
final class SecurityCheck {
    static final String REPORTS = "reports", MXBEANS = "JVM figures (MXBeans)", JFR = "JFR streaming";

    private SecurityCheck() {}

    /** Whether a security manager is installed. */
    static boolean installed() {
        return System.getSecurityManager() != null;
    }

    /** The parts the installed security manager denies (empty when none is installed or all is granted), each with its permission. */
    static Map<String, Permission> denied(Path reportDir) {
        SecurityManager sm = System.getSecurityManager();
        Map<String, Permission> denied = new LinkedHashMap<>();
        if (sm == null) return denied;
        Map<String, Permission> needed = new LinkedHashMap<>();
        needed.put(REPORTS, new FilePermission(reportDir.toAbsolutePath() + java.io.File.separator + "-", "read,write,delete"));
        needed.put(MXBEANS, new java.lang.management.ManagementPermission("monitor"));
        needed.put(JFR, new jdk.jfr.FlightRecorderPermission("accessFlightRecorder"));
        needed.forEach((part, permission) -> {
            try {
                sm.checkPermission(permission);
            } catch (SecurityException e) {
                denied.put(part, permission);
            }
        });
        return denied;
    }

    /** The one line that says so. */
    static String line(Map<String, Permission> denied, boolean stopping) {
        List<String> what = new ArrayList<>();
        denied.forEach((part, p) -> what.add(part + " (" + p + ")"));
        return "quadrant: a security manager denies Quadrant " + String.join(", ", what) + "; "
                + (stopping ? "Quadrant stops" : "those parts are off")
                + " (grant its jar the permissions in the policy to keep them). The application continues.";
    }
}
