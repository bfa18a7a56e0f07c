package dev.quadrant.e2e.scenarios;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Runs every JDK path Quadrant weaves, a few rounds each, and prints what each did: a thread pool that also
 * rejects, a fork/join pool, contended ReentrantLock and read-write lock, threads started and joined, file streams
 * read and written byte by byte and in blocks, a file channel, name look-ups that resolve and fail. The output is a
 * function of the code alone, so it must be the same with the agent, with the agent failing in every hook, and
 * without it.
 */
public final class WovenPathsApp {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("woven-paths");
        long rounds = args.length > 0 ? Long.parseLong(args[0]) : 8;
        for (int round = 1; round <= rounds; round++) {
            System.out.println("round " + round + ": pool " + pool() + ", fork/join " + forkJoin() + ", locks " + locks()
                    + ", threads " + threads() + ", files " + files(dir, round) + ", channel " + channel(dir) + ", look-ups " + lookups());
            Scenario.sleep(400);  // the agent ticks between rounds
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(dir);
        System.out.println("done");
    }

    /** 40 tasks into a pool of 2 with a queue of 8 and AbortPolicy: some are rejected, the rest run. */
    static String pool() throws InterruptedException, ExecutionException {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(8));
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Integer>> accepted = new ArrayList<>();
        int rejected = 0;
        for (int i = 0; i < 40; i++) {
            int n = i;
            try {
                accepted.add(pool.submit(() -> { gate.await(); return n * n; }));
            } catch (RejectedExecutionException e) {
                rejected++;
            }
        }
        gate.countDown();
        long sum = 0;
        for (Future<Integer> f : accepted) sum += f.get();
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        return accepted.size() + " ran (sum " + sum + "), " + rejected + " rejected, completed " + pool.getCompletedTaskCount();
    }

    static String forkJoin() {
        ForkJoinPool fj = new ForkJoinPool(2);
        try {
            return String.valueOf(fj.submit(() -> java.util.stream.LongStream.rangeClosed(1, 100_000).parallel().sum()).join());
        } finally {
            fj.shutdown();
        }
    }

    /** Four threads on one ReentrantLock and on a read-write lock: contended, so the slow path runs. */
    static String locks() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        long[] counter = {0};
        long[] reads = {0};
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    lock.lock();
                    try {
                        counter[0]++;
                    } finally {
                        lock.unlock();
                    }
                    if (i % 10 == 0) {
                        rw.writeLock().lock();
                        try { reads[0]++; } finally { rw.writeLock().unlock(); }
                    } else {
                        rw.readLock().lock();
                        rw.readLock().unlock();
                    }
                }
            }, "ledger-" + t);
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) th.join();
        return counter[0] + "/" + reads[0];
    }

    static int threads() throws InterruptedException {
        int[] ran = {0};
        for (int i = 0; i < 5; i++) {
            Thread t = new Thread(() -> { synchronized (ran) { ran[0]++; } }, "job-" + i);
            t.start();
            t.join();
        }
        return ran[0];
    }

    /** A file written byte by byte, then in one block, read back both ways. */
    static String files(Path dir, int round) throws IOException {
        File f = dir.resolve("journal-" + round + ".bin").toFile();
        try (FileOutputStream out = new FileOutputStream(f)) {
            for (int i = 0; i < 3_000; i++) out.write(i & 0x7f);
        }
        try (BufferedOutputStream out = new BufferedOutputStream(new FileOutputStream(f, true))) {
            out.write(new byte[10_000]);
        }
        long sum = 0;
        int n = 0;
        try (FileInputStream in = new FileInputStream(f)) {
            for (int b; (b = in.read()) >= 0 && n < 3_000; n++) sum += b;
            byte[] block = new byte[4096];
            for (int r; (r = in.read(block)) > 0; ) n += r;
        }
        return f.length() + " bytes, read " + n + ", sum " + sum;
    }

    static long channel(Path dir) throws IOException {
        Path p = dir.resolve("channel.bin");
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            c.write(ByteBuffer.wrap(new byte[5_000]), 0);
            return c.size();
        }
    }

    static String lookups() {
        String local;
        try {
            local = InetAddress.getByName("localhost").isLoopbackAddress() ? "loopback" : "other";
        } catch (UnknownHostException e) {
            local = "unknown";
        }
        String missing;
        try {
            InetAddress.getByName("no-such-host.invalid");
            missing = "resolved";
        } catch (UnknownHostException e) {
            missing = "unknown";
        }
        return local + "/" + missing;
    }
}
