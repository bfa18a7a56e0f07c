package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An order service that appends every request to an in-memory audit trail "until the nightly flush", which never runs. */
public final class AuditTrailLeakScenario {
    record AuditEntry(Instant at, String user, String path, byte[] requestBody) {}

    static final List<AuditEntry> AUDIT_TRAIL = new ArrayList<>();

    static void audit(int seq) {
        AUDIT_TRAIL.add(new AuditEntry(Instant.now(), "user-" + seq % 500, "/api/orders/" + seq, new byte[2048]));
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Scenario.daemon("http-handler", () -> {
            int seq = 0;
            long work = 0;
            while (Scenario.running(start)) {
                for (int i = 0; i < 20; i++) {
                    audit(seq++);
                    work += new StringBuilder("order ").append(seq).append(" ok").toString().length();  // the request's own garbage
                }
                Scenario.sleep(10);  // ~2,000 requests/s, ~4 MiB/s kept
            }
            if (work == 42) System.out.println(work);
        });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
