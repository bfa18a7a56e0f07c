package dev.quadrant.core.io;

import static dev.quadrant.core.Windows.stack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.Finding;
import dev.quadrant.core.Severity;
import dev.quadrant.core.Windows;
import dev.quadrant.core.evidence.HostLookups;
import dev.quadrant.core.evidence.TinyIo;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IO rules fed by woven JDK classes: tiny file calls and host name look-ups. */
class IoWeavedRulesTest {
    static final Duration TEN_S = Duration.ofSeconds(10);
    static final List<String> EXPORT = stack("java.io.FileOutputStream.write(FileOutputStream.java:327)", "com.acme.Export.writeCsv(Export.java:18)");
    static final List<String> LOOKUP = stack("java.net.InetAddress.getAllByName(InetAddress.java:1533)",
            "java.net.InetAddress.getByName(InetAddress.java:1408)", "com.acme.Inventory.connect(Inventory.java:51)");

    static Windows tiny(long writes, double meanBytes) {
        Windows w = Windows.of(TEN_S);
        w.tinyFileCalls(0, writes, Math.round(writes * meanBytes));
        w.tinyFileSite(new TinyIo.Site("com.acme.Export.writeCsv(Export.java:18)", "/data/export.csv", "write", writes, meanBytes, EXPORT));
        return w;
    }

    @Test void oneByteWritesByTheMillionAreCritical() {
        Finding f = new UnbufferedFileRule().evaluate(tiny(3_000_000, 1).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.title()).contains("writes", "com.acme.Export.writeCsv", "/data/export.csv");
        assertThat(f.recommendation()).contains("BufferedOutputStream");
        assertThat(f.stack()).isEqualTo(EXPORT);
    }

    @Test void aFewThousandSmallCallsAreNotAProblem() {
        assertThat(new UnbufferedFileRule().evaluate(tiny(15_000, 40).build())).isEmpty();
        assertThat(new UnbufferedFileRule().evaluate(tiny(100_000, 40).build()).orElseThrow().severity()).isEqualTo(Severity.INFO);
        assertThat(new UnbufferedFileRule().evaluate(tiny(300_000, 40).build()).orElseThrow().severity()).isEqualTo(Severity.WARNING);
    }

    static HostLookups host(String name, long lookups, long resolved, Duration mean, Duration longest, long failures) {
        return new HostLookups(name, lookups, resolved, mean.multipliedBy(resolved), longest, failures,
                failures > 0 ? "UnknownHostException: " + name : null, "http-1", LOOKUP);
    }

    @Test void slowResolutionIsScoredByMeanAndSlowest() {
        Windows slow = Windows.of(TEN_S).hostLookups(host("inventory.internal", 40, 20, Duration.ofMillis(400), Duration.ofMillis(900), 0));
        Finding f = new SlowDnsRule().evaluate(slow.build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.title()).contains("inventory.internal", "com.acme.Inventory.connect");
        Windows timeout = Windows.of(TEN_S).hostLookups(host("inventory.internal", 3, 1, Duration.ofSeconds(5), Duration.ofSeconds(5), 0));
        assertThat(new SlowDnsRule().evaluate(timeout.build()).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test void cachedLookupsAndAFastResolverAreNothing() {
        Windows fast = Windows.of(TEN_S).hostLookups(host("db.internal", 50_000, 3, Duration.ofMillis(4), Duration.ofMillis(9), 0));
        assertThat(new SlowDnsRule().evaluate(fast.build())).isEmpty();
    }

    @Test void repeatedFailuresAreFindings() {
        Windows failing = Windows.of(TEN_S).hostLookups(host("payments.old-name", 20, 20, Duration.ofMillis(3), Duration.ofMillis(6), 20));
        Finding f = new SlowDnsRule().evaluate(failing.build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);  // 120 failures a minute
        assertThat(f.title()).contains("failed", "UnknownHostException");
        Windows once = Windows.of(Duration.ofSeconds(60)).hostLookups(host("payments.old-name", 1, 1, Duration.ofMillis(3), Duration.ofMillis(3), 1));
        assertThat(new SlowDnsRule().evaluate(once.build()).orElseThrow().severity()).isEqualTo(Severity.INFO);
    }
}
