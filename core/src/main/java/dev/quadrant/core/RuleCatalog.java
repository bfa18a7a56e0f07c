package dev.quadrant.core;

import dev.quadrant.core.cpu.HotMethodRule;
import dev.quadrant.core.io.SocketNoTimeoutRule;
import dev.quadrant.core.memory.AllocationPressureRule;
import dev.quadrant.core.threads.LockContentionRule;
import java.util.List;

/** Every rule Quadrant runs, one per contract id. */
public final class RuleCatalog {
    private RuleCatalog() {}

    public static List<Rule> all() {
        return List.of(new HotMethodRule(), new AllocationPressureRule(), new LockContentionRule(), new SocketNoTimeoutRule());
    }
}
