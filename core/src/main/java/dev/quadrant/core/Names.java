package dev.quadrant.core;

/**
 * Names that come from the application (threads, classes, methods, paths, hosts, messages) as the agent keeps them:
 * at most {@link #MAX_CHARS} characters, so a thread named with a megabyte of text costs the agent a few hundred
 * bytes per place it is kept, not a megabyte.
 */
public final class Names {
    public static final int MAX_CHARS = 512;  // a fully qualified inner class with a long method name fits easily

    private Names() {}

    /** The name itself when it is short enough (no copy), else its start and how much was cut. */
    public static String cap(String name) { return cap(name, MAX_CHARS); }

    public static String cap(String name, int max) {
        if (name == null || name.length() <= max) return name;
        String cut = "… (" + (name.length() - max) + " more characters)";
        int keep = Math.max(0, max - cut.length());
        if (keep > 0 && Character.isHighSurrogate(name.charAt(keep - 1))) keep--;  // never split a pair
        return name.substring(0, keep) + cut;
    }
}
