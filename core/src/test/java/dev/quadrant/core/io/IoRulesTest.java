package dev.quadrant.core.io;

import static dev.quadrant.core.Windows.stack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.Finding;
import dev.quadrant.core.Severity;
import dev.quadrant.core.Windows;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IoRulesTest {
    static final Duration TEN_S = Duration.ofSeconds(10);
    static final List<String> DB_CALL = stack("java.net.SocketInputStream.read(SocketInputStream.java:1)", "com.acme.Orders.stock(Orders.java:35)");
    static final List<String> FEED = stack("java.io.FileInputStream.read(FileInputStream.java:1)", "com.acme.Feed.load(Feed.java:12)");

    @Test void slowReadsKeepingThreadsWaitingAreAWarningNamingPeerAndSite() {
        Windows w = Windows.of(TEN_S);
        for (int i = 0; i < 40; i++) w.socketRead("db:5432", Duration.ofMillis(450), 5000, DB_CALL);
        Finding f = new SlowSocketRule().evaluate(w.build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).containsEntry("peer", "db:5432").containsEntry("meanMs", 450.0).containsEntry("threadsWaiting", 1.8)
                .containsEntry("site", "com.acme.Orders.stock(Orders.java:35)");
        assertThat(f.evidence().get("latencies").toString()).contains("200-500 ms=40");
    }

    @Test void slowWritesCountToo() {
        Windows w = Windows.of(TEN_S);
        for (int i = 0; i < 10; i++) w.socketWrite("store:443", Duration.ofSeconds(2), DB_CALL);
        assertThat(new SlowSocketRule().evaluate(w.build()).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test void aFewSlowCallsOrShortOnesAreNothing() {
        Windows few = Windows.of(TEN_S);
        for (int i = 0; i < 3; i++) few.socketRead("db:5432", Duration.ofSeconds(1), 5000, DB_CALL);
        assertThat(new SlowSocketRule().evaluate(few.build())).isEmpty();
        Windows quick = Windows.of(TEN_S);
        for (int i = 0; i < 100; i++) quick.socketRead("cache:6379", Duration.ofMillis(25), 5000, DB_CALL);
        assertThat(new SlowSocketRule().evaluate(quick.build())).isEmpty();
    }

    @Test void slowReadsOfOneFileAreAWarning() {
        Windows w = Windows.of(TEN_S);
        for (int i = 0; i < 30; i++) w.fileIo("/mnt/nfs/prices.csv", "read", Duration.ofMillis(300), 8192, FEED);
        Finding f = new SlowFileRule().evaluate(w.build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).containsEntry("path", "/mnt/nfs/prices.csv").containsEntry("site", "com.acme.Feed.load(Feed.java:12)");
    }

    @Test void largeWritesAtDiskSpeedAreNotSlowStorage() {
        Windows w = Windows.of(TEN_S);
        for (int i = 0; i < 30; i++) w.fileIo("/var/export/report.bin", "write", Duration.ofMillis(300), 64L << 20, FEED);
        assertThat(new SlowFileRule().evaluate(w.build()).orElseThrow().severity()).isEqualTo(Severity.INFO);
    }

    @Test void descriptorsGrowingTowardTheLimitAreCritical() {
        Windows w = Windows.of(TEN_S).history(Windows.series(8, TEN_S, (i, b) -> b.fileDescriptors(100 + i * 500L, 20_000)));
        w.jvm().fileDescriptors(4_100, 20_000);
        Finding f = new FdLeakRule().evaluate(w.build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.evidence()).containsKey("secondsUntilLimit");
    }

    @Test void aFlatCountFarFromTheLimitIsNothingAndNearItIsAWarning() {
        Windows flat = Windows.of(TEN_S).history(Windows.series(8, TEN_S, (i, b) -> b.fileDescriptors(300, 20_000)));
        flat.jvm().fileDescriptors(300, 20_000);
        assertThat(new FdLeakRule().evaluate(flat.build())).isEmpty();
        Windows near = Windows.of(TEN_S);
        near.jvm().fileDescriptors(900, 1024);
        assertThat(new FdLeakRule().evaluate(near.build()).orElseThrow().severity()).isEqualTo(Severity.WARNING);
    }
}
