package dev.quadrant.core.evidence;

/** A call that can block forever because no timeout was given: an untimed socket read, or one of the untimed waits. */
public enum BlockingKind {
    SOCKET_READ("socket read without timeout"),
    FUTURE_GET("Future.get()"),
    COMPLETABLE_FUTURE_GET("CompletableFuture.get()"),
    COMPLETABLE_FUTURE_JOIN("CompletableFuture.join()"),
    THREAD_JOIN("Thread.join()"),
    LATCH_AWAIT("CountDownLatch.await()"),
    BARRIER_AWAIT("CyclicBarrier.await()"),
    PHASER_AWAIT("Phaser.awaitAdvance()"),
    CONDITION_AWAIT("Condition.await()"),
    OBJECT_WAIT("Object.wait()");

    private final String call;

    BlockingKind(String call) { this.call = call; }

    /** How the report names it: "Future.get()", "socket read without timeout". */
    public String call() { return call; }

    /** A wait for a result or a signal (the THREADS rule's), as opposed to the socket read (the IO rule's). */
    public boolean isWait() { return this != SOCKET_READ; }
}
