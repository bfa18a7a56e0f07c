package dev.quadrant.agent;

import dev.quadrant.collectors.Collector;
import dev.quadrant.collectors.Faults;
import dev.quadrant.collectors.mxbean.AllocatedBytesSampler;
import dev.quadrant.collectors.mxbean.BufferPoolSampler;
import dev.quadrant.collectors.mxbean.BusyThreadSampler;
import dev.quadrant.collectors.mxbean.ClassLoadingSampler;
import dev.quadrant.collectors.mxbean.CpuSampler;
import dev.quadrant.collectors.mxbean.DeadlockSampler;
import dev.quadrant.collectors.mxbean.EventLoopSampler;
import dev.quadrant.collectors.mxbean.DescriptorKinds;
import dev.quadrant.collectors.mxbean.FileDescriptorSampler;
import dev.quadrant.collectors.mxbean.GcSampler;
import dev.quadrant.collectors.mxbean.HeapSampler;
import dev.quadrant.collectors.mxbean.MemoryPoolSampler;
import dev.quadrant.collectors.mxbean.ThreadCountSampler;
import dev.quadrant.collectors.mxbean.ThreadStateSampler;
import dev.quadrant.collectors.mxbean.VirtualThreadSampler;
import dev.quadrant.core.EvidenceRequest;
import dev.quadrant.core.WindowBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every collector, in the order a tick samples them, and the one guarded loop that drives them: a collector that
 * throws is counted under its name and the others go on. Collectors that start late (the woven probes, once the
 * weaving is installed) join with {@link #add}.
 */
final class CollectorCatalogue {
    private final List<Collector> collectors;
    private final Faults faults;
    private final ThreadDumpCost dumpCost;

    CollectorCatalogue(List<Collector> collectors, Faults faults, ThreadDumpCost dumpCost) {
        this.collectors = new CopyOnWriteArrayList<>(collectors);
        this.faults = faults;
        this.dumpCost = dumpCost;
    }

    /**
     * Every collector a tick samples, in order: the MXBean samplers, the thread states, the event loops and the virtual
     * threads (polled on their own schedule too), the busiest threads' stacks, the deadlock check, the descriptor listing (when a rule asks), the JFR stream.
     * A new collector is one more entry here.
     */
    static CollectorCatalogue standard(ThreadStateSampler threadStates, EventLoopSampler eventLoops, VirtualThreadSampler virtualThreads,
                                       JfrStream jfr, Faults faults, ThreadDumpCost dumpCost) {
        return new CollectorCatalogue(List.of(
                new HeapSampler(), new GcSampler(), new ThreadCountSampler(), new CpuSampler(), new FileDescriptorSampler(),
                new BufferPoolSampler(), new ClassLoadingSampler(), new AllocatedBytesSampler(), new MemoryPoolSampler(),
                threadStates, eventLoops, virtualThreads, new BusyThreadSampler(), new DeadlockSampler(Pipeline.THREAD_DUMP_COST_SHARE), new DescriptorKinds(), jfr),
                faults, dumpCost);
    }

    void add(Collector late) { collectors.add(late); }

    /** At start: the collectors that report changes take their first reading into {@code discarded}. */
    void baseline(WindowBuilder discarded, Collector.Tick tick) {
        sample(collectors.stream().filter(Collector::countsChanges).toList(), discarded, tick);
    }

    /** Each collector adds what it gathered to the closing window; a thread dump's pause is counted against its budget. */
    void sampleAll(WindowBuilder window, Collector.Tick tick) { sample(collectors, window, tick); }

    private void sample(List<Collector> which, WindowBuilder window, Collector.Tick tick) {
        for (Collector c : which) {
            try {
                c.sample(window, tick);
                long pause = c.lastPauseNanos();
                if (pause > 0) dumpCost.dumped(pause);
            } catch (Throwable t) {
                faults.record(c.name(), t);
            }
        }
    }

    /** What the rules with a finding ask the next window to gather; every collector hears it, also when it is nothing. */
    void requestAll(Set<EvidenceRequest> wanted) {
        for (Collector c : collectors) {
            try {
                c.requested(wanted);
            } catch (Throwable t) {
                faults.record(c.name() + " request", t);
            }
        }
    }

    /** Closes every collector, the latest to join first. */
    void closeAll() {
        List<Collector> reversed = new ArrayList<>(collectors);
        Collections.reverse(reversed);
        for (Collector c : reversed) {
            try {
                c.close();
            } catch (Throwable t) {
                faults.record(c.name() + " close", t);
            }
        }
    }
}
