package dev.quadrant.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A busy service for the soak run that keeps every dimension's evidence flowing for as long as it runs, with no leak
 * of its own (so whatever grows is the agent's): a hot pricing loop, a contended monitor and a contended
 * ReentrantLock, a pool that saturates and rejects, allocation churn, exceptions, short-lived threads, byte-by-byte
 * file writes, slow socket reads from a local peer, name look-ups. Ends after {@code args[0]} seconds.
 */
public final class SoakService {
    static volatile boolean running = true;
    static volatile long sink;
    static final Object INVENTORY = new Object();
    static final ReentrantLock LEDGER = new ReentrantLock();

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        Path dir = Files.createTempDirectory("soak");
        List<Thread> threads = new ArrayList<>();
        threads.add(loop("pricing", () -> {
            long x = 0;
            for (int i = 0; i < 5_000_000; i++) x = x * 31 + i;
            sink += x;
        }));
        for (int i = 0; i < 3; i++) threads.add(loop("order-" + i, () -> {
            synchronized (INVENTORY) { pause(15); }
            LEDGER.lock();
            try { pause(5); } finally { LEDGER.unlock(); }
        }));
        ThreadPoolExecutor checkout = new ThreadPoolExecutor(2, 2, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(20));
        threads.add(loop("submitter", () -> {
            for (int i = 0; i < 10; i++) {
                try {
                    checkout.execute(() -> pause(30));
                } catch (java.util.concurrent.RejectedExecutionException rejected) {
                    sink++;
                }
            }
            pause(50);
        }));
        threads.add(loop("export", () -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 20_000; i++) b.append(i).append(',');
            sink += b.toString().length();
            try {
                Integer.parseInt("not-a-number-" + sink % 10);
            } catch (NumberFormatException expected) {
                sink++;
            }
        }));
        threads.add(loop("spawner", () -> {  // threads that come and go, each with a creation site
            Thread t = new Thread(() -> sink++, "job-" + ThreadLocalRandom.current().nextInt(1000));
            t.start();
            try { t.join(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            pause(20);
        }));
        threads.add(loop("journal", () -> {
            try (OutputStream out = new FileOutputStream(dir.resolve("journal.log").toFile())) {
                for (int i = 0; i < 2_000; i++) out.write('x');
            } catch (IOException e) {
                sink++;
            }
            pause(100);
        }));
        threads.add(loop("resolver", () -> {
            try {
                InetAddress.getByName("localhost");
                InetAddress.getByName("soak-" + ThreadLocalRandom.current().nextInt(50) + ".invalid");
            } catch (IOException expected) {
                sink++;
            }
            pause(200);
        }));
        try (ServerSocket peer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            threads.add(loop("peer", () -> {
                try (Socket s = peer.accept(); OutputStream out = s.getOutputStream(); InputStream in = s.getInputStream()) {
                    while (running && in.read() >= 0) {
                        pause(40);  // a slow upstream
                        out.write('k');
                        out.flush();
                    }
                } catch (IOException e) {
                    sink++;
                }
            }));
            threads.add(loop("client", () -> {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), peer.getLocalPort())) {
                    s.setSoTimeout(5_000);
                    for (int i = 0; i < 50 && running; i++) {
                        s.getOutputStream().write('q');
                        sink += s.getInputStream().read();
                    }
                } catch (IOException e) {
                    sink++;
                }
            }));
            Thread.sleep(seconds * 1000);
            running = false;
        }
        checkout.shutdownNow();
        for (Thread t : threads) t.join(10_000);
        System.out.println("soak service done");
        System.exit(0);
    }

    static Thread loop(String name, Runnable step) {
        Thread t = new Thread(() -> { while (running) step.run(); }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
