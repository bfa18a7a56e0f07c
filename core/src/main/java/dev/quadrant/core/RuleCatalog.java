package dev.quadrant.core;

import dev.quadrant.core.cpu.BusyThreadRule;
import dev.quadrant.core.cpu.ExceptionStormRule;
import dev.quadrant.core.cpu.HotMethodRule;
import dev.quadrant.core.cpu.JitDeoptimizationRule;
import dev.quadrant.core.cpu.SaturationRule;
import dev.quadrant.core.io.FdLeakRule;
import dev.quadrant.core.io.SlowDnsRule;
import dev.quadrant.core.io.SlowFileRule;
import dev.quadrant.core.io.SlowSocketRule;
import dev.quadrant.core.io.SocketNoTimeoutRule;
import dev.quadrant.core.io.UnbufferedFileRule;
import dev.quadrant.core.memory.AllocationPressureRule;
import dev.quadrant.core.memory.DirectLeakRule;
import dev.quadrant.core.memory.FinalizerBacklogRule;
import dev.quadrant.core.memory.GcOverheadRule;
import dev.quadrant.core.memory.GcPauseRule;
import dev.quadrant.core.memory.HeapExhaustionRule;
import dev.quadrant.core.memory.HeapLeakRule;
import dev.quadrant.core.memory.MetaspaceLeakRule;
import dev.quadrant.core.threads.DeadlockRule;
import dev.quadrant.core.threads.EventLoopBlockedRule;
import dev.quadrant.core.threads.LockContentionRule;
import dev.quadrant.core.threads.PoolRejectionRule;
import dev.quadrant.core.threads.PoolSaturationRule;
import dev.quadrant.core.threads.ThreadLeakRule;
import dev.quadrant.core.threads.UntimedWaitRule;
import dev.quadrant.core.threads.VirtualPinningRule;
import java.util.List;

/** Every rule Quadrant runs, one per contract id, in catalogue order. */
public final class RuleCatalog {
    private RuleCatalog() {}

    public static List<Rule> all() {
        return List.of(
                new HotMethodRule(), new BusyThreadRule(), new SaturationRule(), new ExceptionStormRule(), new JitDeoptimizationRule(),
                new AllocationPressureRule(), new GcPauseRule(), new GcOverheadRule(), new HeapLeakRule(), new HeapExhaustionRule(),
                new DirectLeakRule(), new MetaspaceLeakRule(), new FinalizerBacklogRule(),
                new ThreadLeakRule(), new PoolSaturationRule(), new PoolRejectionRule(), new LockContentionRule(), new DeadlockRule(),
                new UntimedWaitRule(), new VirtualPinningRule(), new EventLoopBlockedRule(),
                new SocketNoTimeoutRule(), new SlowSocketRule(), new UnbufferedFileRule(), new SlowFileRule(), new FdLeakRule(), new SlowDnsRule());
    }
}
