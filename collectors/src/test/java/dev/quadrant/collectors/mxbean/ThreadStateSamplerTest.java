package dev.quadrant.collectors.mxbean;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.evidence.BlockingKind;
import dev.quadrant.core.Window;
import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.BlockedCall;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadStateSamplerTest {
    private ServerSocket server;
    private Socket accepted1, accepted2;
    private Thread untimed, timed;

    @AfterEach void close() throws IOException {
        for (Socket s : new Socket[] {accepted1, accepted2}) if (s != null) s.close();
        if (server != null) server.close();
    }

    @Test void aThreadStuckInAnUntimedReadIsTrackedAcrossPolls() throws Exception {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        untimed = reader("untimed-reader", 0);
        timed = reader("timed-reader", 60_000);
        accepted1 = server.accept();
        accepted2 = server.accept();
        ThreadStateSampler sampler = new ThreadStateSampler();
        Instant t0 = Instant.now();
        // The readers may not have reached read() yet: poll until both are in it.
        for (int i = 0; i < 50 && !inRead(untimed, timed); i++) Thread.sleep(20);
        sampler.poll(t0);
        sampler.poll(t0.plusSeconds(2));

        WindowBuilder b = new WindowBuilder(1, t0);
        sampler.sample(b, t0.plusSeconds(3));
        Window w = b.build(t0.plusSeconds(3), List.of());

        assertThat(w.threads().blockedCalls()).extracting(BlockedCall::thread).containsExactly("untimed-reader");
        BlockedCall call = w.threads().blockedCalls().get(0);
        assertThat(call.kind()).isEqualTo(BlockingKind.SOCKET_READ);
        assertThat(call.blockedFor()).isEqualTo(Duration.ofSeconds(3));
        assertThat(call.stack()).anyMatch(f -> f.contains("ThreadStateSamplerTest"));
    }

    @Test void busyThreadsStacksAreWeighedByTheirCpu() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread spinner = new Thread(() -> { while (!stop.get()) spin(); }, "spinner");
        spinner.start();
        try {
            ThreadStateSampler sampler = new ThreadStateSampler();
            Instant t0 = Instant.now();
            sampler.poll(t0);
            Thread.sleep(300);
            sampler.poll(t0.plusMillis(300));
            WindowBuilder b = new WindowBuilder(1, t0);
            sampler.sample(b, t0.plusMillis(300));
            Window w = b.build(t0.plusMillis(300), List.of());
            assertThat(w.cpu().threadDumps().cpuMillis()).isGreaterThan(50);
            assertThat(w.cpu().threadDumps().topMethods().get(0).hottestStack()).anyMatch(f -> f.contains("ThreadStateSamplerTest"));
        } finally {
            stop.set(true);
            spinner.join();
        }
    }

    static volatile double sink;

    private static void spin() {
        double x = 0;
        for (int i = 0; i < 1_000; i++) x += Math.sqrt(i);
        sink = x;
    }

    private static boolean inRead(Thread... threads) {
        for (Thread t : threads) {
            StackTraceElement[] st = t.getStackTrace();
            if (st.length == 0 || !st[0].getClassName().startsWith("sun.nio.ch.")) return false;
        }
        return true;
    }

    private Thread reader(String name, int timeoutMillis) {
        Thread t = new Thread(() -> {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                s.setSoTimeout(timeoutMillis);
                s.getInputStream().read();
            } catch (IOException ignored) {
                // the test closes the peer
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
