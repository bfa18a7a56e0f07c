package dev.quadrant.core.threads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.Finding;
import dev.quadrant.core.Severity;
import dev.quadrant.core.Windows;
import dev.quadrant.core.evidence.EventLoopStall;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLoopBlockedRuleTest {
    static final List<String> SLEEPING = List.of("java.lang.Thread.sleep(Native Method)",
            "com.acme.tariffs.TariffStore.reload(TariffStore.java:22)", "com.acme.tariffs.PriceHandler.channelRead0(PriceHandler.java:42)",
            "io.netty.channel.SimpleChannelInboundHandler.channelRead(SimpleChannelInboundHandler.java:99)",
            "io.netty.channel.nio.NioIoHandler.run(NioIoHandler.java:484)", "io.netty.channel.SingleThreadIoEventLoop.run(SingleThreadIoEventLoop.java:196)");
    static final List<String> WAITING_FOR_FUTURE = List.of("jdk.internal.misc.Unsafe.park(Native Method)",
            "java.util.concurrent.locks.LockSupport.parkNanos(LockSupport.java:252)", "java.util.concurrent.CompletableFuture$Signaller.block(CompletableFuture.java:1866)",
            "java.util.concurrent.CompletableFuture.timedGet(CompletableFuture.java:1939)", "java.util.concurrent.CompletableFuture.get(CompletableFuture.java:2095)", "com.acme.Quotes.answer(Quotes.java:9)",
            "io.netty.channel.SingleThreadIoEventLoop.run(SingleThreadIoEventLoop.java:196)");

    private final EventLoopBlockedRule rule = new EventLoopBlockedRule();

    private static Windows with(EventLoopStall... stalls) {
        Windows w = Windows.of(Duration.ofSeconds(2));
        for (EventLoopStall s : stalls) w.builder().threads().eventLoopStall(s);
        return w;
    }

    @Test void aLoopAsleepInAHandlerForSecondsIsCriticalAndSaysWhere() {
        Finding f = rule.evaluate(with(new EventLoopStall("multiThreadIoEventLoopGroup-3-1", Duration.ofMillis(6400), true, "TIMED_WAITING", SLEEPING),
                new EventLoopStall("multiThreadIoEventLoopGroup-3-2", Duration.ofMillis(600), false, "WAITING", WAITING_FOR_FUTURE)).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.title()).contains("multiThreadIoEventLoopGroup-3-1", "Thread.sleep()", "com.acme.tariffs.TariffStore.reload");
        assertThat(f.evidence()).containsEntry("site", "com.acme.tariffs.TariffStore.reload(TariffStore.java:22)").containsEntry("ongoing", true);
        assertThat((List<?>) f.evidence().get("loops")).hasSize(2);
    }

    @Test void aSecondIsWarningAndWhatItWaitsForIsNamed() {
        Finding f = rule.evaluate(with(new EventLoopStall("vert.x-eventloop-thread-0", Duration.ofMillis(1200), false, "WAITING", WAITING_FOR_FUTURE)).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).containsEntry("blockedIn", "Future.get()");
    }

    @Test void shortStallsAreNothing() {
        assertThat(rule.evaluate(with(new EventLoopStall("loop-1", Duration.ofMillis(400), false, "RUNNABLE", SLEEPING)).build())).isEmpty();
        assertThat(rule.evaluate(with().build())).isEmpty();
    }
}
