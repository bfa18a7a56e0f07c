package dev.quadrant.e2e.scenarios;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A messaging client copies each outgoing message into a direct buffer and keeps it until the broker acknowledges it;
 * acks for one partition never arrive, so those buffers are never released.
 */
public final class PendingAckBufferScenario {
    static final Map<Long, ByteBuffer> AWAITING_ACK = new ConcurrentHashMap<>();

    static void publish(long seq) {
        ByteBuffer frame = ByteBuffer.allocateDirect(64 * 1024);
        frame.putLong(seq).flip();
        AWAITING_ACK.put(seq, frame);
    }

    static void ack(long seq) { AWAITING_ACK.remove(seq); }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Scenario.daemon("producer", () -> {
            long seq = 0;
            while (Scenario.running(start)) {
                publish(seq);
                if (seq % 4 != 3) ack(seq);  // partition 3 never acks
                seq++;
                Scenario.sleep(20);  // 50 messages/s, a quarter never acknowledged
            }
        });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
