package dev.quadrant.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockingCallsTest {
    @Test void untimedReadBlocksInTryRead() {  // JDK 17 and 25, platform thread, SO_TIMEOUT 0
        assertThat(BlockingCalls.isUntimedSocketRead(List.of(
                "sun.nio.ch.SocketDispatcher.read0(Native Method)", "sun.nio.ch.SocketDispatcher.read(SocketDispatcher.java:47)",
                "sun.nio.ch.NioSocketImpl.tryRead(NioSocketImpl.java:266)", "sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:317)",
                "java.net.Socket$SocketInputStream.read(Socket.java:966)", "com.acme.Client.call(Client.java:9)"))).isTrue();
    }

    @Test void timedReadPassesThroughTimedRead() {
        assertThat(BlockingCalls.isUntimedSocketRead(List.of(
                "sun.nio.ch.Net.poll(Native Method)", "sun.nio.ch.NioSocketImpl.park(NioSocketImpl.java:186)",
                "sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:290)", "sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:314)",
                "com.acme.Client.call(Client.java:9)"))).isFalse();
    }

    @Test void blockingChannelReadHasNoTimeout() {
        assertThat(BlockingCalls.isUntimedSocketRead(List.of(
                "sun.nio.ch.SocketDispatcher.read0(Native Method)", "sun.nio.ch.IOUtil.read(IOUtil.java:276)",
                "sun.nio.ch.SocketChannelImpl.read(SocketChannelImpl.java:418)", "com.acme.Client.call(Client.java:9)"))).isTrue();
    }

    @Test void thePlatformsOwnIdleReadersAreNotTheApplications() {
        List<String> rmi = List.of("sun.nio.ch.SocketDispatcher.read0(Native Method)", "sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:317)",
                "java.io.BufferedInputStream.read(BufferedInputStream.java:263)", "java.io.FilterInputStream.read(FilterInputStream.java:82)",
                "sun.rmi.transport.tcp.TCPTransport.handleMessages(TCPTransport.java:569)",
                "sun.rmi.transport.tcp.TCPTransport$ConnectionHandler.run(TCPTransport.java:793)", "java.lang.Thread.run(Thread.java:840)");
        assertThat(BlockingCalls.isUntimedSocketRead(rmi)).isTrue();
        assertThat(BlockingCalls.isApplicationUntimedSocketRead(rmi)).isFalse();
        List<String> app = new java.util.ArrayList<>(rmi.subList(0, 2));
        app.add("com.acme.Client.call(Client.java:9)");
        assertThat(BlockingCalls.isApplicationUntimedSocketRead(app)).isTrue();
    }

    @Test void selectorWaitIsNotARead() {
        assertThat(BlockingCalls.isUntimedSocketRead(List.of(
                "sun.nio.ch.EPoll.wait(Native Method)", "sun.nio.ch.EPollSelectorImpl.doSelect(EPollSelectorImpl.java:118)",
                "sun.nio.ch.SelectorImpl.select(SelectorImpl.java:141)"))).isFalse();
        assertThat(BlockingCalls.isUntimedSocketRead(List.of())).isFalse();
    }
}
