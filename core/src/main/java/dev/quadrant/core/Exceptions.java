package dev.quadrant.core;

import java.util.List;

/** Recognises a stack that is building an exception, and which exception and which code it is. */
final class Exceptions {
    static final String THROWABLE_INIT = "java.lang.Throwable.<init>";

    private Exceptions() {}

    /**
     * For a stack (top first) inside {@code Throwable}'s constructor: the exception type (the outermost exception
     * constructor) and the application frame that created it; null for any other stack.
     */
    static List<String> creation(List<String> stack) {
        int i = 0;
        while (i < stack.size() && !Frames.isMethod(stack.get(i), THROWABLE_INIT)) i++;  // every CPU stack is scanned: no garbage
        if (i == stack.size()) return null;
        int outer = i;
        while (outer + 1 < stack.size() && isExceptionConstructor(Frames.method(stack.get(outer + 1)))) outer++;
        String ctor = Frames.method(stack.get(outer));
        String type = ctor.substring(0, ctor.length() - ".<init>".length());
        List<String> below = stack.subList(outer + 1, stack.size());
        return List.of(type, below.isEmpty() ? stack.get(outer) : Frames.firstApplicationFrame(below));
    }

    private static boolean isExceptionConstructor(String method) {
        if (!method.endsWith(".<init>")) return false;
        String type = method.substring(0, method.length() - ".<init>".length());
        return type.endsWith("Exception") || type.endsWith("Error") || type.endsWith("Throwable");
    }
}
