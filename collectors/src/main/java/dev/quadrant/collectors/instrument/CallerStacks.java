package dev.quadrant.collectors.instrument;

import dev.quadrant.collectors.jfr.StackFrames;
import dev.quadrant.core.Frames;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current thread's stack, as the advice's caller sees it: Quadrant's own leading frames dropped, formatted and
 * interned. Formatting needs each frame's file and line, which the JVM resolves slowly; so stacks are looked up first
 * by what is cheap to read (class, method, bytecode index), and a repeated stack (the same code starting threads or
 * rejecting tasks again) costs a walk and a lookup.
 */
final class CallerStacks {
    static final int MAX_INTERNED = 8192;  // distinct stacks kept; past that a stack is formatted every time
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final ConcurrentHashMap<List<Object>, List<String>> FORMATTED = new ConcurrentHashMap<>();

    private CallerStacks() {}

    static List<String> capture(int maxDepth) {
        List<StackWalker.StackFrame> frames = WALKER.walk(s -> s.dropWhile(f -> isOwn(f.getClassName())).limit(maxDepth).toList());
        Object[] key = new Object[frames.size() * 3];
        for (int i = 0; i < frames.size(); i++) {
            StackWalker.StackFrame f = frames.get(i);
            key[3 * i] = f.getClassName();
            key[3 * i + 1] = f.getMethodName();
            key[3 * i + 2] = f.getByteCodeIndex();
        }
        List<Object> k = java.util.Arrays.asList(key);
        List<String> known = FORMATTED.get(k);
        if (known != null) return known;
        List<String> stack = frames.stream()
                .map(f -> StackFrames.intern(Frames.format(f.getClassName(), f.getMethodName(), f.getFileName(),
                        f.isNativeMethod() ? -2 : f.getLineNumber())))
                .toList();
        if (FORMATTED.size() < MAX_INTERNED) FORMATTED.putIfAbsent(k, stack);
        return stack;
    }

    /** Everything a hook runs through on its way here: never where the application's call came from. */
    private static final java.util.Set<String> OWN = java.util.Set.of(CallerStacks.class.getName(), Recorder.class.getName(),
            ApplicationThreadsOnly.class.getName(), FailingHooks.class.getName(), LockWaits.class.getName(), ThreadSites.class.getName(),
            PoolState.class.getName(), PoolTable.class.getName(), FileCalls.class.getName(), Lookups.class.getName(), OpenFiles.class.getName());

    private static boolean isOwn(String className) {
        return className.startsWith("dev.quadrant.bootstrap.") || OWN.contains(className);
    }

    static void clear() { FORMATTED.clear(); }
}
