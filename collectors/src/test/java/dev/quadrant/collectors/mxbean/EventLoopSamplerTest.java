package dev.quadrant.collectors.mxbean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a loop's stack is read (the stacks are Netty 4.2's, seen on JDK 17); the sampling itself runs end to end. */
class EventLoopSamplerTest {
    static final List<String> IDLE = List.of("sun.nio.ch.EPoll.wait(Native Method)", "sun.nio.ch.EPollSelectorImpl.doSelect(EPollSelectorImpl.java:118)",
            "sun.nio.ch.SelectorImpl.lockAndDoSelect(SelectorImpl.java:129)", "sun.nio.ch.SelectorImpl.select(SelectorImpl.java:141)",
            "io.netty.channel.nio.SelectedSelectionKeySetSelector.select(SelectedSelectionKeySetSelector.java:62)",
            "io.netty.channel.nio.NioIoHandler.select(NioIoHandler.java:668)", "io.netty.channel.nio.NioIoHandler.run(NioIoHandler.java:434)",
            "io.netty.channel.SingleThreadIoEventLoop.run(SingleThreadIoEventLoop.java:196)");
    static final List<String> SPINNING_AT_LINE_40 = List.of("java.lang.Math.sqrt(Math.java:1)", "com.acme.Risk.score(Risk.java:40)",
            "com.acme.RiskHandler.channelRead0(RiskHandler.java:12)", "io.netty.channel.SingleThreadIoEventLoop.run(SingleThreadIoEventLoop.java:196)");
    static final List<String> SPINNING_AT_LINE_44 = List.of("com.acme.Risk.score(Risk.java:44)",
            "com.acme.RiskHandler.channelRead0(RiskHandler.java:12)", "io.netty.channel.SingleThreadIoEventLoop.run(SingleThreadIoEventLoop.java:196)");

    @Test void aLoopInItsSelectorIsIdleAndOneInAHandlerIsNot() {
        assertThat(EventLoopSampler.selecting(IDLE)).isTrue();
        assertThat(EventLoopSampler.selecting(SPINNING_AT_LINE_40)).isFalse();
    }

    @Test void cpuWorkMovingWithinOneMethodIsOnePlaceAndAnotherCallerIsAnother() {
        assertThat(EventLoopSampler.placeOf(SPINNING_AT_LINE_40)).isEqualTo(EventLoopSampler.placeOf(SPINNING_AT_LINE_44));
        List<String> otherCaller = List.of("com.acme.Risk.score(Risk.java:44)", "com.acme.AuditHandler.channelRead0(AuditHandler.java:30)",
                "io.netty.channel.SingleThreadIoEventLoop.run(SingleThreadIoEventLoop.java:196)");
        assertThat(EventLoopSampler.placeOf(otherCaller)).isNotEqualTo(EventLoopSampler.placeOf(SPINNING_AT_LINE_44));
    }

    @Test void loopThreadsAreKnownByTheirRunFrame() {
        StackTraceElement run = new StackTraceElement("io.netty.channel.SingleThreadIoEventLoop", "run", "SingleThreadIoEventLoop.java", 196);
        StackTraceElement thread = new StackTraceElement("java.lang.Thread", "run", "Thread.java", 840);
        assertThat(EventLoopSampler.isLoop(new StackTraceElement[] {run, thread})).isTrue();
        assertThat(EventLoopSampler.isLoop(Thread.currentThread().getStackTrace())).isFalse();
    }
}
