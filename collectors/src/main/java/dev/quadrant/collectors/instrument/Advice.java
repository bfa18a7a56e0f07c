package dev.quadrant.collectors.instrument;

import dev.quadrant.bootstrap.Bridge;
import net.bytebuddy.asm.Advice.Argument;
import net.bytebuddy.asm.Advice.Enter;
import net.bytebuddy.asm.Advice.FieldValue;
import net.bytebuddy.asm.Advice.OnMethodEnter;
import net.bytebuddy.asm.Advice.OnMethodExit;
import net.bytebuddy.asm.Advice.This;
import net.bytebuddy.asm.Advice.Thrown;

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

    /** A server pool's execute that rejects by throwing (Jetty's QueuedThreadPool): submit on entry, rejection on the way out. */
    static final class ExecuteRejecting {
        @OnMethodEnter(suppress = Throwable.class)
        static void enter(@This Object pool, @Argument(0) Object task) { Bridge.taskSubmitted(pool, task); }

        @OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@This Object pool, @Argument(0) Object task, @Thrown Throwable thrown) {
            if (thrown instanceof java.util.concurrent.RejectedExecutionException) Bridge.taskRejected(pool, task);
        }
    }

    /** A server pool's method that runs one task on a worker (Jetty's QueuedThreadPool.runJob). */
    static final class RunTask {
        @OnMethodEnter(suppress = Throwable.class)
        static void enter(@This Object pool, @Argument(0) Object task) { Bridge.taskStarted(pool, task); }

        @OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@This Object pool, @Argument(0) Object task) { Bridge.taskFinished(pool, task); }
    }

    /** JBoss EnhancedQueueExecutor's task wrapper running: its pool and the submitted task are its fields. */
    static final class WrappedTaskRun {
        @OnMethodEnter(suppress = Throwable.class)
        static void enter(@FieldValue("this$0") Object pool, @FieldValue("delegate") Object task) { Bridge.taskStarted(pool, task); }

        @OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@FieldValue("this$0") Object pool, @FieldValue("delegate") Object task) { Bridge.taskFinished(pool, task); }
    }

    /** A connection pool's getConnection (HikariCP's HikariPool.getConnection(timeout)): how long the caller waited, and timeouts. */
    static final class ConnectionWait {
        @OnMethodEnter(suppress = Throwable.class)
        static long enter() { return Bridge.connectionWaitStarted(); }

        @OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@This Object pool, @Enter long start, @Thrown Throwable failure) { Bridge.connectionWaitEnded(pool, start, failure); }
    }

    /** Thread.start of platform threads (virtual threads start through their own class). */
    static final class ThreadStart {
        @OnMethodEnter(suppress = Throwable.class)
        static void enter(@This Thread thread) { Bridge.threadStarted(thread); }
    }

    /** FileOutputStream.write(int): one byte per call. */
    static final class WriteByte {
        @OnMethodEnter(suppress = Throwable.class)
        static void enter(@This Object stream) { Bridge.fileCall(stream, true, 1); }
    }

    /** write(byte[]). */
    static final class WriteArray {
        @OnMethodEnter(suppress = Throwable.class)
        static void enter(@This Object stream, @Argument(0) byte[] b) { Bridge.fileCall(stream, true, b == null ? 0 : b.length); }
    }

    /** write(byte[], off, len). */
    static final class WriteRange {
        @OnMethodEnter(suppress = Throwable.class)
        static void enter(@This Object stream, @Argument(2) int len) { Bridge.fileCall(stream, true, len); }
    }

    /** FileInputStream.read(): one byte per call. */
    static final class ReadByte {
        @OnMethodEnter(suppress = Throwable.class)
        static void enter(@This Object stream) { Bridge.fileCall(stream, false, 1); }
    }

    /** read(byte[]): the size asked for. */
    static final class ReadArray {
        @OnMethodEnter(suppress = Throwable.class)
        static void enter(@This Object stream, @Argument(0) byte[] b) { Bridge.fileCall(stream, false, b == null ? 0 : b.length); }
    }

    /** read(byte[], off, len): the size asked for. */
    static final class ReadRange {
        @OnMethodEnter(suppress = Throwable.class)
        static void enter(@This Object stream, @Argument(2) int len) { Bridge.fileCall(stream, false, len); }
    }

    /** The file stream constructors that open the file (the others delegate to them): the File is their first argument. */
    static final class StreamOpened {
        @OnMethodExit(suppress = Throwable.class)
        static void exit(@This Object stream, @Argument(0) java.io.File file) { Bridge.fileOpened(stream, file); }
    }

    /** A file channel's constructor. */
    static final class ChannelOpened {
        @OnMethodExit(suppress = Throwable.class)
        static void exit(@This Object channel) { Bridge.fileOpened(channel, null); }
    }

    static final class FileClosed {
        @OnMethodEnter(suppress = Throwable.class)
        static void enter(@This Object stream) { Bridge.fileClosed(stream); }
    }

    /** InetAddress's look-up of all addresses of a name, which getByName goes through too. */
    static final class Lookup {
        @OnMethodEnter(suppress = Throwable.class)
        static long enter() { return Bridge.lookupStarted(); }

        @OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Argument(0) String host, @Enter long start, @Thrown Throwable failure) { Bridge.lookupEnded(host, start, failure); }
    }

    /** AbstractQueuedSynchronizer's one slow-path acquire: reached only when the lock is not free. */
    static final class Acquire {
        @OnMethodEnter(suppress = Throwable.class)
        static long enter(@This Object sync) { return Bridge.lockWaitStarted(sync); }

        @OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@This Object sync, @Enter long start) { Bridge.lockWaitEnded(sync, start); }
    }
}
