package dev.quadrant.collectors.instrument;

import dev.quadrant.collectors.jfr.StackFrames;
import dev.quadrant.core.Frames;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The current thread's stack, as the advice's caller sees it: Quadrant's own leading frames dropped, interned. */
final class CallerStacks {
    static final int MAX_INTERNED = 8192;  // distinct stacks kept shared; past that a stack is simply not shared
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final ConcurrentHashMap<List<String>, List<String>> INTERNED = new ConcurrentHashMap<>();

    private CallerStacks() {}

    static List<String> capture(int maxDepth) {
        List<String> stack = WALKER.walk(frames -> frames
                .dropWhile(f -> isOwn(f.getClassName()))
                .limit(maxDepth)
                .map(f -> StackFrames.intern(Frames.format(f.getClassName(), f.getMethodName(), f.getFileName(),
                        f.isNativeMethod() ? -2 : f.getLineNumber())))
                .toList());
        List<String> known = INTERNED.get(stack);
        if (known != null) return known;
        if (INTERNED.size() >= MAX_INTERNED) return stack;
        known = INTERNED.putIfAbsent(stack, stack);
        return known == null ? stack : known;
    }

    private static final java.util.Set<String> OWN = java.util.Set.of(CallerStacks.class.getName(), Recorder.class.getName(),
            LockWaits.class.getName(), ThreadSites.class.getName(), PoolState.class.getName());

    private static boolean isOwn(String className) {
        return className.startsWith("dev.quadrant.bootstrap.") || OWN.contains(className);
    }

    static void clear() { INTERNED.clear(); }
}
