package dev.quadrant.core;

import dev.quadrant.core.evidence.BlockingKind;
import java.util.List;

/** Recognises, from a thread's stack, blocking calls that can wait forever because no timeout was given. */
public final class BlockingCalls {
    private record Wait(String frame, BlockingKind kind) {}

    private static final List<Wait> WAITS = List.of(
            new Wait("java.util.concurrent.FutureTask.get(", BlockingKind.FUTURE_GET),
            new Wait("java.util.concurrent.CompletableFuture.get(", BlockingKind.COMPLETABLE_FUTURE_GET),
            new Wait("java.util.concurrent.CompletableFuture.join(", BlockingKind.COMPLETABLE_FUTURE_JOIN),
            new Wait("java.lang.Thread.join(", BlockingKind.THREAD_JOIN),
            new Wait("java.util.concurrent.CountDownLatch.await(", BlockingKind.LATCH_AWAIT),
            new Wait("java.util.concurrent.CyclicBarrier.await(", BlockingKind.BARRIER_AWAIT),
            new Wait("java.util.concurrent.Phaser.awaitAdvance(", BlockingKind.PHASER_AWAIT),
            new Wait("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await(", BlockingKind.CONDITION_AWAIT),
            new Wait("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.awaitUninterruptibly(", BlockingKind.CONDITION_AWAIT),
            new Wait("java.lang.Object.wait(", BlockingKind.OBJECT_WAIT));
    /**
     * Waiting for work, not for a result: an idle consumer or worker, a timer, a reference handler. Server libraries park
     * their idle workers in their own queues: Jetty's BlockingArrayQueue and reserved threads, Tomcat's TaskQueue (over
     * the JDK's take), JBoss threads' ThreadBody (LockSupport.park, no wait frame at all).
     */
    private static final String[] IDLE = {
            "Queue.take(", "Deque.take(", "Queue.put(", "Deque.put(", "Queue.transfer(", "java.util.concurrent.Exchanger.",
            "java.util.concurrent.ThreadPoolExecutor.getTask(", "java.util.concurrent.ForkJoinPool.awaitWork(",
            "java.util.TimerThread.mainLoop(", "java.lang.ref.ReferenceQueue.remove(",
            "org.eclipse.jetty.util.BlockingArrayQueue.", "org.eclipse.jetty.util.thread.QueuedThreadPool$Runner.idleJobPoll(",
            "org.eclipse.jetty.util.thread.ReservedThreadExecutor$ReservedThread.", "org.apache.tomcat.util.threads.TaskQueue.",
            "org.apache.tomcat.util.threads.ThreadPoolExecutor.getTask("};
    /**
     * Frames that mean the thread is running a task or a request, not a thread of its own waiting for shutdown: the
     * workers of every common pool, and the dispatch frames a served request passes whatever thread runs it.
     */
    private static final String[] TASK_RUNNERS = {
            "java.util.concurrent.ThreadPoolExecutor.runWorker(", "java.util.concurrent.ForkJoinWorkerThread.run(",
            "sun.net.httpserver.ServerImpl$Exchange.run(", "java.lang.VirtualThread.run(",
            "org.apache.tomcat.util.threads.ThreadPoolExecutor.runWorker(", "org.apache.catalina.connector.CoyoteAdapter.service(",
            "org.eclipse.jetty.util.thread.QueuedThreadPool.runJob(", "org.eclipse.jetty.server.Server.handle(",
            "org.jboss.threads.EnhancedQueueExecutor$Task.run(", "io.undertow.server.Connectors.executeRootHandler(",
            "jakarta.servlet.http.HttpServlet.service(", "javax.servlet.http.HttpServlet.service("};

    private BlockingCalls() {}

    /**
     * An untimed socket read made by the application's own code. A stack with no application frame is the
     * platform's own idle reader, waiting for its next request by design: an RMI connection handler (JMX
     * clients), the JNDI/LDAP reader thread.
     */
    public static boolean isApplicationUntimedSocketRead(List<String> stack) {
        return isUntimedSocketRead(stack) && Frames.hasApplicationFrame(stack);
    }

    /**
     * A {@code Socket} read with SO_TIMEOUT 0, or a read on a blocking {@code SocketChannel} (which cannot have
     * one). JDK 13+ reads sockets through {@code NioSocketImpl}: with a timeout the stack passes
     * {@code timedRead}, without one it blocks in {@code tryRead} or {@code park}; seen on JDK 17 and 25.
     */
    public static boolean isUntimedSocketRead(List<String> stack) {
        if (stack.isEmpty()) return false;
        if (Frames.contains(stack, "sun.nio.ch.NioSocketImpl.implRead")) {
            return !Frames.contains(stack, "sun.nio.ch.NioSocketImpl.timedRead");
        }
        return Frames.contains(stack, "sun.nio.ch.SocketChannelImpl.read") && isBlockedInNative(stack.get(0));
    }

    /**
     * The untimed wait (e.g. Future.get()) that a WAITING thread's stack shows the application made, or null: the JDK
     * frame nearest the first application frame names it (Thread.join, not the Object.wait inside it); a consumer
     * waiting on a queue for work is not one.
     */
    public static BlockingKind untimedWait(List<String> stack) {
        BlockingKind kind = null;
        for (String frame : stack) {
            for (String idle : IDLE) if (frame.contains(idle)) return null;  // before the platform test: servers' idle frames are theirs
            if (!Frames.isPlatform(frame)) return kind;
            for (Wait w : WAITS) if (frame.startsWith(w.frame())) { kind = w.kind(); break; }  // the JDK call nearest the application wins
        }
        return null;  // no application frame: the platform's own thread
    }

    /** The thread runs a pool's task or a served request, where an endless wait holds up work. */
    public static boolean isTaskThread(List<String> stack) {
        for (String frame : stack) for (String runner : TASK_RUNNERS) if (frame.startsWith(runner)) return true;
        return false;
    }

    private static boolean isBlockedInNative(String top) {
        return top.startsWith("sun.nio.ch.SocketDispatcher.read") || top.startsWith("sun.nio.ch.Net.poll")
                || top.startsWith("sun.nio.ch.IOUtil.read");
    }
}
