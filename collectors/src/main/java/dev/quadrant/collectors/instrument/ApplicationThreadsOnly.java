package dev.quadrant.collectors.instrument;

import dev.quadrant.bootstrap.Hooks;
import dev.quadrant.collectors.AgentThreads;

/** Passes on what the application's threads do; what the agent's own threads do (writing reports, its tick pool) is not the application's. */
final class ApplicationThreadsOnly implements Hooks {
    private final Hooks target;

    ApplicationThreadsOnly(Hooks target) { this.target = target; }

    @Override public void poolCreated(Object pool) { if (!AgentThreads.isCurrent()) target.poolCreated(pool); }

    @Override public void taskSubmitted(Object pool, Object task) { if (!AgentThreads.isCurrent()) target.taskSubmitted(pool, task); }

    @Override public void taskStarted(Object pool, Object task) { if (!AgentThreads.isCurrent()) target.taskStarted(pool, task); }

    @Override public void taskFinished(Object pool, Object task) { if (!AgentThreads.isCurrent()) target.taskFinished(pool, task); }

    @Override public void taskRejected(Object pool, Object task) { if (!AgentThreads.isCurrent()) target.taskRejected(pool, task); }

    @Override public void threadStarted(Thread thread) { if (!AgentThreads.isCurrent()) target.threadStarted(thread); }

    @Override public long lockWaitStarted(Object sync) { return AgentThreads.isCurrent() ? 0 : target.lockWaitStarted(sync); }

    @Override public void lockWaitEnded(Object sync, long startNanos) { target.lockWaitEnded(sync, startNanos); }  // started only if counted

    @Override public void fileCall(Object stream, boolean write, int bytes) { if (!AgentThreads.isCurrent()) target.fileCall(stream, write, bytes); }

    @Override public void fileOpened(Object stream, String path) { if (!AgentThreads.isCurrent()) target.fileOpened(stream, path); }

    @Override public void fileClosed(Object stream) { target.fileClosed(stream); }  // whoever closes it, an open stream it is no more

    @Override public void lookupEnded(String host, long startNanos, Throwable failure) {
        if (!AgentThreads.isCurrent()) target.lookupEnded(host, startNanos, failure);
    }

    @Override public void connectionWaitEnded(Object pool, long startNanos, Throwable failure) {
        if (!AgentThreads.isCurrent()) target.connectionWaitEnded(pool, startNanos, failure);
    }
}
