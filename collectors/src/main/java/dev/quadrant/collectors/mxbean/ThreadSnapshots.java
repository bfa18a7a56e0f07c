package dev.quadrant.collectors.mxbean;

import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * How the agent reads threads: by paths that cannot stall the JVM however many threads it has. On JDK 17 a bulk
 * {@code getThreadInfo(long[])} or {@code getThreadCpuTime(long[])} holds the thread list for its whole loop, and an id
 * of a thread that is exiting misses the id table and is searched for linearly, under {@code Threads_lock}; exiting
 * threads meanwhile wait for that list, all wake at each release and rescan every list under the same lock. With a
 * few thousand threads exiting at once the JVM livelocked for minutes or for good (17.0.15; JDK-8340547 throttles
 * thread exits from JDK 24). So on older JDKs the states of all threads come from one thread dump without stacks (a
 * safepoint, about 6 ms for 5,500 threads), calls by id take a few ids each, and they stop as soon as the live thread
 * count (a counter, no lock) shows threads exiting in numbers: those ids would all miss the table. Their entries are
 * left unknown for this reading; the next one has them again.
 */
public final class ThreadSnapshots {
    static final boolean BULK_LOOKUP_IS_SAFE = Runtime.version().feature() >= 24;
    static final int MAX_IDS_PER_CALL = 32;
    static final int EXITING_IN_NUMBERS = 32;  // this many fewer live threads than when the call began: a mass exit is under way

    private ThreadSnapshots() {}

    /** Every live thread's state, lock and name, no stacks. */
    public static ThreadInfo[] states(ThreadMXBean threads) {
        return BULK_LOOKUP_IS_SAFE ? threads.getThreadInfo(threads.getAllThreadIds(), 0) : threads.dumpAllThreads(false, false, 0);
    }

    /** The given threads' infos with up to {@code depth} frames, in the order of {@code ids} (null for a thread that ended). */
    public static ThreadInfo[] stacks(ThreadMXBean threads, long[] ids, int depth) {
        if (BULK_LOOKUP_IS_SAFE) return threads.getThreadInfo(ids, depth);
        ThreadInfo[] out = new ThreadInfo[ids.length];
        int expected = threads.getThreadCount();
        for (int from = 0; from < ids.length && !exitingInNumbers(threads, expected); from += MAX_IDS_PER_CALL) {
            int to = Math.min(ids.length, from + MAX_IDS_PER_CALL);
            System.arraycopy(threads.getThreadInfo(Arrays.copyOfRange(ids, from, to), depth), 0, out, from, to - from);
        }
        return out;
    }

    /** The given threads' CPU times in nanoseconds (-1 for a thread that ended), in the order of {@code ids}. */
    public static long[] cpuTimes(com.sun.management.ThreadMXBean threads, long[] ids) {
        if (BULK_LOOKUP_IS_SAFE) return threads.getThreadCpuTime(ids);
        long[] out = new long[ids.length];
        Arrays.fill(out, -1);
        int expected = threads.getThreadCount();
        for (int from = 0; from < ids.length && !exitingInNumbers(threads, expected); from += MAX_IDS_PER_CALL) {
            int to = Math.min(ids.length, from + MAX_IDS_PER_CALL);
            System.arraycopy(threads.getThreadCpuTime(Arrays.copyOfRange(ids, from, to)), 0, out, from, to - from);
        }
        return out;
    }

    /** Whether threads are exiting in numbers since {@code expected} live threads were counted. */
    private static boolean exitingInNumbers(ThreadMXBean threads, int expected) {
        return threads.getThreadCount() < expected - EXITING_IN_NUMBERS;
    }
}
