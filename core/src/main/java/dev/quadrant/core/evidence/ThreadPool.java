package dev.quadrant.core.evidence;

import java.time.Duration;
import java.util.List;

/**
 * One pool at the end of a window: its identity (worker name pattern, kind, where it was created), its sizes read from
 * its own getters, its queue, the window's task counts, and sampled queue waits and run times. A pool kind that cannot
 * say one of the parts (a fork/join pool times no tasks) gives its {@code NONE}.
 */
public record ThreadPool(String name, String kind, Origin origin, Sizes sizes, Queue queue, Throughput throughput, TaskTimes waits,
                         Duration oldestPending, TaskTimes runs, boolean shutdown) {

    /** Where it was created: the first application frame and the stack; null and empty when created before the weaving. */
    public record Origin(String site, List<String> stack) {}

    /** Core and maximum size as configured, threads it has now, threads busy, the most it ever had. */
    public record Sizes(int core, int max, int current, int active, int largest) {}

    /** Tasks waiting now and at the previous window's end ({@code -1} if unknown); {@code capacity} is -1 when unbounded. */
    public record Queue(long queued, long before, long capacity) {}

    /** The window's tasks submitted, completed and rejected, the rejection policy, and the first rejected submitter. */
    public record Throughput(long submitted, long completed, long rejected, String rejectionPolicy, String rejectThread, List<String> rejectStack) {
        public static final Throughput NONE = new Throughput(0, 0, 0, null, null, null);
    }

    /**
     * Sampled task times (queue waits or runs): how many, their total and longest, and the latency histogram's counts.
     * {@code estimated}: not timed task by task but derived from the queue's length and throughput (Little's law), when
     * the tasks cannot be told apart; then longest is the mean and there is no histogram.
     */
    public record TaskTimes(long sampled, Duration total, Duration longest, List<Long> buckets, boolean estimated) {
        public static final TaskTimes NONE = new TaskTimes(0, Duration.ZERO, Duration.ZERO, List.of());

        public TaskTimes(long sampled, Duration total, Duration longest, List<Long> buckets) { this(sampled, total, longest, buckets, false); }

        /**
         * The mean wait of a queue that held {@code meanQueued} tasks on average while {@code started} of them left it
         * over {@code window}: L = &lambda;W.
         */
        public static TaskTimes littlesLaw(double meanQueued, long started, Duration window) {
            if (started <= 0 || meanQueued <= 0) return NONE;
            Duration mean = Duration.ofNanos((long) (meanQueued * window.toNanos() / started));
            return new TaskTimes(started, mean.multipliedBy(started), mean, List.of(), true);
        }

        public Duration mean() { return sampled == 0 ? Duration.ZERO : total.dividedBy(sampled); }
    }

    /** Every thread it may have is busy. */
    public boolean atMaximum() { return sizes.max > 0 && sizes.active >= Math.min(sizes.max, Math.max(sizes.current, sizes.core)); }
}
