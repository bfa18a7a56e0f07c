package dev.quadrant.core.io;

import dev.quadrant.core.evidence.BlockingKind;
import static dev.quadrant.core.Windows.stack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.Finding;
import dev.quadrant.core.Severity;
import dev.quadrant.core.Windows;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SocketNoTimeoutRuleTest {
    static final Duration TEN_S = Duration.ofSeconds(10);
    static final List<String> READ = stack("sun.nio.ch.SocketDispatcher.read0(Native Method)", "sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:317)",
            "java.net.Socket$SocketInputStream.read(Socket.java:966)", "com.acme.PaymentClient.charge(PaymentClient.java:58)");

    private final SocketNoTimeoutRule rule = new SocketNoTimeoutRule();

    @Test void threadStuckHalfAMinuteIsCritical() {
        Finding f = rule.evaluate(Windows.of(TEN_S).blocked(BlockingKind.SOCKET_READ, "http-7", Duration.ofSeconds(40), READ)
                .blocked(BlockingKind.SOCKET_READ, "http-8", Duration.ofSeconds(12), READ).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.evidence()).containsEntry("stillBlocked", true).containsEntry("thread", "http-7")
                .containsEntry("site", "com.acme.PaymentClient.charge(PaymentClient.java:58)")
                .containsEntry("blockedThreads", List.of("http-7", "http-8"));
        assertThat(f.title()).startsWith("2 threads");
    }

    @Test void completedUntimedSlowReadNamesThePeer() {
        Finding f = rule.evaluate(Windows.of(TEN_S).socketRead("payments.internal:8443", Duration.ofSeconds(8), 0, READ).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).containsEntry("peer", "payments.internal:8443").containsEntry("stillBlocked", false);
    }

    @Test void aPlatformReaderWaitingForItsNextRequestIsNotTheApplications() {
        List<String> rmi = stack("sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:317)", "sun.rmi.transport.tcp.TCPTransport.handleMessages(TCPTransport.java:569)");
        assertThat(rule.evaluate(Windows.of(TEN_S).socketRead("10.0.0.7:51234", Duration.ofSeconds(60), 0, rmi).build())).isEmpty();
    }

    @Test void slowReadWithATimeoutIsNotThisRule() {
        assertThat(rule.evaluate(Windows.of(TEN_S).socketRead("payments.internal:8443", Duration.ofSeconds(8), 10_000, READ).build())).isEmpty();
    }

    @Test void shortUntimedReadsAreNoFinding() {
        assertThat(rule.evaluate(Windows.of(TEN_S).socketRead("db:5432", Duration.ofMillis(300), 0, READ)
                .blocked(BlockingKind.SOCKET_READ, "http-1", Duration.ofMillis(900), READ).build())).isEmpty();
    }

    @Test void otherBlockedCallKindsAreIgnored() {
        assertThat(rule.evaluate(Windows.of(TEN_S).blocked(BlockingKind.FUTURE_GET, "http-1", Duration.ofSeconds(60), READ).build())).isEmpty();
    }
}
