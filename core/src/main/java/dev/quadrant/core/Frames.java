package dev.quadrant.core;

import java.util.List;

/** Reads stack frames written as {@code pkg.Class.method(File.java:42)}, top frame first. */
public final class Frames {
    private static final String[] PLATFORM_PREFIXES = {
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "scala.runtime."};

    private Frames() {}

    /** {@code pkg.Class.method} without the source position. */
    public static String method(String frame) {
        int paren = frame.indexOf('(');
        return paren < 0 ? frame : frame.substring(0, paren);
    }

    /** Whether {@code frame} is in {@code method} ({@code pkg.Class.method}), without building the method's string. */
    public static boolean isMethod(String frame, String method) {
        return frame.startsWith(method) && (frame.length() == method.length() || frame.charAt(method.length()) == '(');
    }

    public static boolean isPlatform(String frame) {
        for (String prefix : PLATFORM_PREFIXES) if (frame.startsWith(prefix)) return true;
        return false;
    }

    public static boolean hasApplicationFrame(List<String> stack) {
        for (String frame : stack) if (!isPlatform(frame)) return true;
        return false;
    }

    /** The first frame of the application's own code, where a fix would go; the top frame if there is none. */
    public static String firstApplicationFrame(List<String> stack) {
        for (String frame : stack) if (!isPlatform(frame)) return frame;
        return stack.isEmpty() ? "(unknown)" : stack.get(0);
    }

    /** Whether any frame runs the given method ({@code pkg.Class.method}). */
    public static boolean contains(List<String> stack, String method) {
        for (String frame : stack) if (frame.startsWith(method) && frame.length() > method.length() && frame.charAt(method.length()) == '(') return true;
        return false;
    }

    public static String format(String className, String methodName, String file, int line) {
        className = Names.cap(className);
        methodName = Names.cap(methodName);
        file = Names.cap(file);
        StringBuilder b = new StringBuilder(className.length() + methodName.length() + 24).append(className).append('.').append(methodName).append('(');
        if (line == -2) b.append("Native Method");
        else if (file == null) b.append("Unknown Source");
        else { b.append(file); if (line >= 0) b.append(':').append(line); }
        return b.append(')').toString();
    }
}
