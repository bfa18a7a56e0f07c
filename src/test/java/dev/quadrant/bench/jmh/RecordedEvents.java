package dev.quadrant.bench.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** Real JFR events of every kind Quadrant subscribes to: caused in this JVM, recorded, read back. */
final class RecordedEvents {
    private RecordedEvents() {}

    static Map<String, List<RecordedEvent>> record() throws Exception {
        Path file = Files.createTempFile("events", ".jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10)).withStackTrace();
            r.enable("jdk.ObjectAllocationSample").with("throttle", "1000/s").withStackTrace();
            r.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ofMillis(1)).withStackTrace();
            r.enable("jdk.SocketRead").withThreshold(Duration.ofMillis(1)).withStackTrace();
            r.enable("jdk.SocketWrite").withThreshold(Duration.ZERO).withStackTrace();
            r.enable("jdk.FileRead").withThreshold(Duration.ZERO).withStackTrace();
            r.enable("jdk.FileWrite").withThreshold(Duration.ZERO).withStackTrace();
            r.enable("jdk.FileForce").withThreshold(Duration.ZERO).withStackTrace();
            r.enable("jdk.OldObjectSample").with("cutoff", "0 ns").withStackTrace();  // emitted when the recording stops
            r.enable("jdk.GarbageCollection");
            r.enable("jdk.GCHeapSummary");
            r.enable("jdk.ExceptionStatistics").withPeriod(Duration.ofMillis(20));
            r.start();
            cause();
            r.stop();
            r.dump(file);
        }
        Map<String, List<RecordedEvent>> byType = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) byType.computeIfAbsent(e.getEventType().getName(), k -> new ArrayList<>()).add(e);
        Files.delete(file);
        return byType;
    }

    static volatile Object sink;
    static final List<Object> survivors = new ArrayList<>();  // old objects for the leak profiler to sample

    private static void cause() throws Exception {
        long end = System.nanoTime() + 2_000_000_000L;
        double x = 0;
        int i = 0;
        while (System.nanoTime() < end) {
            x += Math.sqrt(i++);
            sink = new byte[64 + (i & 1023)];
            if ((i & 0xFFF) == 0) { try { Integer.parseInt("x" + i); } catch (NumberFormatException e) { sink = e; } }
            if ((i & 0xFFFFF) == 0) System.gc();
            if ((i & 0xFFFF) == 0 && survivors.size() < 1000) survivors.add(new byte[4096]);
        }
        sink = x;
        Path data = Files.createTempFile("events", ".dat");
        try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
            for (int k = 0; k < 50; k++) { f.write(new byte[512]); f.getChannel().force(false); }
            f.seek(0);
            byte[] buffer = new byte[512];
            while (f.read(buffer) > 0) { /* read back what was written */ }
        }
        Files.delete(data);
        Object lock = new Object();
        for (int round = 0; round < 20; round++) {
            CountDownLatch held = new CountDownLatch(1);
            Thread owner = new Thread(() -> { synchronized (lock) { held.countDown(); sleep(5); } });
            owner.start();
            held.await();
            synchronized (lock) { sink = lock; }
            owner.join();
        }
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    for (int k = 0; k < 20; k++) { sleep(3); out.write(k); out.flush(); }
                } catch (IOException ignored) {
                    // done
                }
            });
            peer.start();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()); InputStream in = s.getInputStream()) {
                while (in.read() >= 0) { /* read each slow byte */ }
            }
            peer.join();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
