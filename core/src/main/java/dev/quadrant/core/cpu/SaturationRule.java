package dev.quadrant.core.cpu;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.JvmSample;
import java.util.Optional;

/**
 * The process uses nearly every core it may use, or the machine is nearly out of CPU: requests queue for a core and
 * latency climbs with load. Judged over the trailing windows that cover at least {@link #MIN_SPAN_SECONDS}, so a burst
 * (start-up, a full GC) is not saturation.
 */
public final class SaturationRule implements Rule {
    static final double WARN_SHARE = 0.90;       // run queues form past ~90% utilisation
    static final double CRITICAL_SHARE = 0.98;   // no headroom at all
    static final double MIN_SPAN_SECONDS = 15;   // sustained: longer than a burst, a GC or a JIT storm at start-up
    static final double MAIN_CONSUMER = 0.5;     // the process uses at least half of the machine's busy CPU

    static final RuleInfo INFO = new RuleInfo("Out of CPU",
            "The process uses nearly all the cores it has, or the machine as a whole is nearly out of CPU (other processes, a"
                    + " noisy neighbour, too small a container): work waits for a core and latency rises with load.",
            "Process CPU over the available processors, or machine CPU load, 90% warning, 98% critical, averaged over at least the"
                    + " last 15 s.",
            "If the process itself uses the CPU: the CPU findings name what (hot methods, busy threads, GC); otherwise scale out or"
                    + " give it more cores. If other processes do: move them, or the service.",
            "top -H -p <pid>; mpstat 1 5 or vmstat 1 5 (run queue r above the core count)");

    @Override public String id() { return "cpu.saturation"; }
    @Override public Dimension dimension() { return Dimension.CPU; }
    @Override public boolean quietWhileStartingUp() { return true; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        Window.Trailing recent = window.trailing(MIN_SPAN_SECONDS);
        double span = recent.span();
        int processors = window.jvm().availableProcessors();
        if (span < MIN_SPAN_SECONDS || processors <= 0) return Optional.empty();
        double processShare = recent.allKnown(JvmSample::processCpuNanos) ? recent.sum(JvmSample::processCpuNanos) / (span * 1e9 * processors) : -1;
        double machineLoad = recent.average(JvmSample::machineCpuLoad);
        int byProcess = Score.of(Math.min(processShare, 1.0), WARN_SHARE, CRITICAL_SHARE);
        int byMachine = Score.of(Math.min(machineLoad, 1.0), WARN_SHARE, CRITICAL_SHARE);
        int score = Math.max(byProcess, byMachine);
        if (score <= Score.INFO_CAP) return Optional.empty();  // busy but not out of CPU: nothing to act on
        // The process is to blame when it uses most of what is busy; otherwise other processes take the CPU.
        boolean ours = processShare >= 0 && (machineLoad < 0 || processShare >= MAIN_CONSUMER * machineLoad);
        return Optional.of(Finding.of(this, score)
                .title(ours ? "The process uses " + Units.percent(processShare) + " of its " + processors + " cores"
                        : "The machine is " + Units.percent(machineLoad) + " busy (this process: " + (processShare < 0 ? "unknown" : Units.percent(processShare)) + ")")
                .detail("Over the last " + Math.round(span) + " s: process CPU " + (processShare < 0 ? "unknown" : Units.percent(processShare))
                        + " of " + processors + " available processors, machine CPU load " + (machineLoad < 0 ? "unknown" : Units.percent(machineLoad))
                        + " (warning at " + Units.percent(WARN_SHARE) + ", critical at " + Units.percent(CRITICAL_SHARE) + ").")
                .evidence("processShare", processShare < 0 ? null : Units.round(processShare, 3))
                .evidence("machineLoad", machineLoad < 0 ? null : Units.round(machineLoad, 3))
                .evidence("availableProcessors", processors)
                .evidence("spanSeconds", Math.round(span))
                .recommendation(ours
                        ? "See the CPU findings for what uses it (hot methods, busy threads, GC); if the load is legitimate, add cores or instances."
                        : "Other processes take the CPU: move them or this service, or reserve CPU for it (container requests and limits).")
                .verify("top -H -p " + window.pid() + "; vmstat 1 5 (run queue r above " + processors + ")")
                .build());
    }
}
