package dev.quadrant.core;

import dev.quadrant.core.evidence.BlockingKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockingCallsTest {
    @Test void untimedReadBlocksInTryRead() {  // JDK 17 and 25, platform thread, SO_TIMEOUT 0
        assertThat(BlockingCalls.isUntimedSocketRead(List.of(
                "sun.nio.ch.SocketDispatcher.read0(Native Method)", "sun.nio.ch.SocketDispatcher.read(SocketDispatcher.java:47)",
                "sun.nio.ch.NioSocketImpl.tryRead(NioSocketImpl.java:266)", "sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:317)",
                "java.net.Socket$SocketInputStream.read(Socket.java:966)", "com.acme.Client.call(Client.java:9)"))).isTrue();
    }

    @Test void timedReadPassesThroughTimedRead() {
        assertThat(BlockingCalls.isUntimedSocketRead(List.of(
                "sun.nio.ch.Net.poll(Native Method)", "sun.nio.ch.NioSocketImpl.park(NioSocketImpl.java:186)",
                "sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:290)", "sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:314)",
                "com.acme.Client.call(Client.java:9)"))).isFalse();
    }

    @Test void blockingChannelReadHasNoTimeout() {
        assertThat(BlockingCalls.isUntimedSocketRead(List.of(
                "sun.nio.ch.SocketDispatcher.read0(Native Method)", "sun.nio.ch.IOUtil.read(IOUtil.java:276)",
                "sun.nio.ch.SocketChannelImpl.read(SocketChannelImpl.java:418)", "com.acme.Client.call(Client.java:9)"))).isTrue();
    }

    @Test void thePlatformsOwnIdleReadersAreNotTheApplications() {
        List<String> rmi = List.of("sun.nio.ch.SocketDispatcher.read0(Native Method)", "sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:317)",
                "java.io.BufferedInputStream.read(BufferedInputStream.java:263)", "java.io.FilterInputStream.read(FilterInputStream.java:82)",
                "sun.rmi.transport.tcp.TCPTransport.handleMessages(TCPTransport.java:569)",
                "sun.rmi.transport.tcp.TCPTransport$ConnectionHandler.run(TCPTransport.java:793)", "java.lang.Thread.run(Thread.java:840)");
        assertThat(BlockingCalls.isUntimedSocketRead(rmi)).isTrue();
        assertThat(BlockingCalls.isApplicationUntimedSocketRead(rmi)).isFalse();
        List<String> app = new java.util.ArrayList<>(rmi.subList(0, 2));
        app.add("com.acme.Client.call(Client.java:9)");
        assertThat(BlockingCalls.isApplicationUntimedSocketRead(app)).isTrue();
    }

    @Test void selectorWaitIsNotARead() {
        assertThat(BlockingCalls.isUntimedSocketRead(List.of(
                "sun.nio.ch.EPoll.wait(Native Method)", "sun.nio.ch.EPollSelectorImpl.doSelect(EPollSelectorImpl.java:118)",
                "sun.nio.ch.SelectorImpl.select(SelectorImpl.java:141)"))).isFalse();
        assertThat(BlockingCalls.isUntimedSocketRead(List.of())).isFalse();
    }

    static final java.util.List<String> TASK = java.util.List.of("java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)",
            "java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)", "java.lang.Thread.run(Thread.java:833)");

    static java.util.List<String> waiting(String... frames) {
        java.util.List<String> s = new java.util.ArrayList<>(java.util.List.of(frames));
        s.addAll(TASK);
        return s;
    }

    @Test void untimedWaitsAreNamedByTheJdkCallNearestTheApplication() {
        assertThat(BlockingCalls.untimedWait(waiting("jdk.internal.misc.Unsafe.park(Native Method)", "java.util.concurrent.locks.LockSupport.park(LockSupport.java:211)",
                "java.util.concurrent.FutureTask.awaitDone(FutureTask.java:447)", "java.util.concurrent.FutureTask.get(FutureTask.java:190)",
                "com.acme.Report.build(Report.java:40)"))).isEqualTo(BlockingKind.FUTURE_GET);
        assertThat(BlockingCalls.untimedWait(waiting("java.lang.Object.wait(Native Method)", "java.lang.Thread.join(Thread.java:1304)",
                "java.lang.Thread.join(Thread.java:1372)", "com.acme.Batch.await(Batch.java:9)"))).isEqualTo(BlockingKind.THREAD_JOIN);
        assertThat(BlockingCalls.untimedWait(waiting("java.util.concurrent.FutureTask.get(FutureTask.java:190)",
                "java.util.concurrent.AbstractExecutorService.invokeAll(AbstractExecutorService.java:247)", "com.acme.Fanout.call(Fanout.java:3)")))
                .isEqualTo(BlockingKind.FUTURE_GET);
        assertThat(BlockingCalls.untimedWait(waiting("java.util.concurrent.CompletableFuture.waitingGet(CompletableFuture.java:1796)",
                "java.util.concurrent.CompletableFuture.join(CompletableFuture.java:2117)", "com.acme.Quote.get(Quote.java:5)")))
                .isEqualTo(BlockingKind.COMPLETABLE_FUTURE_JOIN);
    }

    @Test void idleWorkersAndConsumersAreNotWaitingForAResult() {
        assertThat(BlockingCalls.untimedWait(waiting("jdk.internal.misc.Unsafe.park(Native Method)",
                "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await(AbstractQueuedSynchronizer.java:1623)",
                "java.util.concurrent.LinkedBlockingQueue.take(LinkedBlockingQueue.java:435)",
                "java.util.concurrent.ThreadPoolExecutor.getTask(ThreadPoolExecutor.java:1062)"))).isNull();
        assertThat(BlockingCalls.untimedWait(waiting("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await(AbstractQueuedSynchronizer.java:1623)",
                "java.util.concurrent.ArrayBlockingQueue.take(ArrayBlockingQueue.java:420)", "com.acme.Consumer.run(Consumer.java:12)"))).isNull();
        assertThat(BlockingCalls.untimedWait(java.util.List.of("java.lang.Object.wait(Native Method)",
                "java.lang.ref.ReferenceQueue.remove(ReferenceQueue.java:155)", "java.lang.ref.Finalizer$FinalizerThread.run(Finalizer.java:172)"))).isNull();
    }

    @Test void onlyThreadsRunningTasksOrRequestsCount() {
        assertThat(BlockingCalls.isTaskThread(waiting("com.acme.Report.build(Report.java:40)"))).isTrue();
        assertThat(BlockingCalls.isTaskThread(java.util.List.of("java.util.concurrent.CountDownLatch.await(CountDownLatch.java:320)",
                "com.acme.Main.main(Main.java:30)"))).isFalse();
    }

    static final List<String> JETTY_HANDLER_WAITING = List.of(
            "jdk.internal.misc.Unsafe.park(Native Method)", "java.util.concurrent.locks.LockSupport.park(LockSupport.java:211)",
            "java.util.concurrent.CompletableFuture$Signaller.block(CompletableFuture.java:1864)",
            "java.util.concurrent.ForkJoinPool.unmanagedBlock(ForkJoinPool.java:3465)", "java.util.concurrent.ForkJoinPool.managedBlock(ForkJoinPool.java:3436)",
            "java.util.concurrent.CompletableFuture.waitingGet(CompletableFuture.java:1898)", "java.util.concurrent.CompletableFuture.get(CompletableFuture.java:2072)",
            "com.acme.quotes.QuoteHandler.handle(QuoteHandler.java:40)", "org.eclipse.jetty.server.Server.handle(Server.java:182)",
            "org.eclipse.jetty.server.internal.HttpChannelState$HandlerInvoker.run(HttpChannelState.java:667)",
            "org.eclipse.jetty.util.thread.QueuedThreadPool.runJob(QueuedThreadPool.java:1034)",
            "org.eclipse.jetty.util.thread.QueuedThreadPool$Runner.run(QueuedThreadPool.java:1249)", "java.lang.Thread.run(Thread.java:840)");
    static final List<String> JETTY_IDLE = List.of(
            "jdk.internal.misc.Unsafe.park(Native Method)", "java.util.concurrent.locks.LockSupport.park(LockSupport.java:211)",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await(AbstractQueuedSynchronizer.java:1623)",
            "org.eclipse.jetty.util.BlockingArrayQueue.take(BlockingArrayQueue.java:357)",
            "org.eclipse.jetty.util.thread.QueuedThreadPool$Runner.idleJobPoll(QueuedThreadPool.java:1165)",
            "org.eclipse.jetty.util.thread.QueuedThreadPool$Runner.run(QueuedThreadPool.java:1224)", "java.lang.Thread.run(Thread.java:840)");
    static final List<String> TOMCAT_IDLE = List.of(
            "jdk.internal.misc.Unsafe.park(Native Method)", "java.util.concurrent.locks.LockSupport.park(LockSupport.java:341)",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await(AbstractQueuedSynchronizer.java:1623)",
            "java.util.concurrent.LinkedBlockingQueue.take(LinkedBlockingQueue.java:435)",
            "org.apache.tomcat.util.threads.TaskQueue.take(TaskQueue.java:148)", "org.apache.tomcat.util.threads.TaskQueue.take(TaskQueue.java:33)",
            "org.apache.tomcat.util.threads.ThreadPoolExecutor.getTask(ThreadPoolExecutor.java:1114)",
            "org.apache.tomcat.util.threads.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1176)",
            "org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:659)",
            "org.apache.tomcat.util.threads.TaskThread$WrappingRunnable.run(TaskThread.java:63)", "java.lang.Thread.run(Thread.java:1583)");

    @Test void serverRequestThreadsAreTaskThreadsAndTheirIdleWorkersAreIdle() {
        assertThat(BlockingCalls.isTaskThread(JETTY_HANDLER_WAITING)).isTrue();
        assertThat(BlockingCalls.untimedWait(JETTY_HANDLER_WAITING)).isEqualTo(BlockingKind.COMPLETABLE_FUTURE_GET);
        assertThat(BlockingCalls.isTaskThread(JETTY_IDLE)).isFalse();
        assertThat(BlockingCalls.untimedWait(JETTY_IDLE)).as("Jetty's queue is its own class: idle, not a wait").isNull();
        assertThat(BlockingCalls.isTaskThread(TOMCAT_IDLE)).isTrue();
        assertThat(BlockingCalls.untimedWait(TOMCAT_IDLE)).isNull();
    }
}
