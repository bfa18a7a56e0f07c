package dev.quadrant.collectors.instrument;

import dev.quadrant.bootstrap.Bridge;
import net.bytebuddy.asm.Advice.Argument;
import net.bytebuddy.asm.Advice.Enter;
import net.bytebuddy.asm.Advice.OnMethodEnter;
import net.bytebuddy.asm.Advice.OnMethodExit;
import net.bytebuddy.asm.Advice.This;

/**
 * The code inlined into JDK classes. Each piece is one call to {@link Bridge}, which is on the bootstrap class path:
 * no logic here, so a woven class behaves exactly as before when the agent is off.
 */
final class Advice {
    private Advice() {}

    /** ThreadPoolExecutor's and ForkJoinPool's constructors: where the pool was created. */
    static final class PoolCreated {
        @OnMethodExit(suppress = Throwable.class)
        static void exit(@This Object pool) { Bridge.poolCreated(pool); }
    }

    /** ThreadPoolExecutor.execute: stamps a sample of tasks for their queue wait. */
    static final class Execute {
        @OnMethodEnter(suppress = Throwable.class)
        static void enter(@This Object pool, @Argument(0) Object task) { Bridge.taskSubmitted(pool, task); }
    }

    /** ThreadPoolExecutor.beforeExecute: the task leaves the queue and starts on a worker. */
    static final class BeforeExecute {
        @OnMethodEnter(suppress = Throwable.class)
        static void enter(@This Object pool, @Argument(1) Object task) { Bridge.taskStarted(pool, task); }
    }

    /** ThreadPoolExecutor.afterExecute: the task has finished. */
    static final class AfterExecute {
        @OnMethodEnter(suppress = Throwable.class)
        static void enter(@This Object pool, @Argument(0) Object task) { Bridge.taskFinished(pool, task); }
    }

    /** ThreadPoolExecutor.reject: called whatever the rejection policy is. */
    static final class Reject {
        @OnMethodEnter(suppress = Throwable.class)
        static void enter(@This Object pool, @Argument(0) Object task) { Bridge.taskRejected(pool, task); }
    }

    /** Thread.start of platform threads (virtual threads start through their own class). */
    static final class ThreadStart {
        @OnMethodEnter(suppress = Throwable.class)
        static void enter(@This Thread thread) { Bridge.threadStarted(thread); }
    }

    /** AbstractQueuedSynchronizer's one slow-path acquire: reached only when the lock is not free. */
    static final class Acquire {
        @OnMethodEnter(suppress = Throwable.class)
        static long enter(@This Object sync) { return Bridge.lockWaitStarted(sync); }

        @OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@This Object sync, @Enter long start) { Bridge.lockWaitEnded(sync, start); }
    }
}
