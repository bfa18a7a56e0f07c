package dev.quadrant.e2e.scenarios;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A cache client on a blocking SocketChannel (which cannot have a read timeout) to a cache server that hangs. */
public final class BlockingChannelScenario {
    public static void main(String[] args) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        List<Socket> held = new ArrayList<>();
        Scenario.daemon("cache-server", () -> {
            while (true) {
                try {
                    held.add(server.accept());  // never answers
                } catch (IOException e) {
                    return;
                }
            }
        });
        Scenario.daemon("session-loader", () -> {
            try (SocketChannel ch = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()))) {
                ch.write(ByteBuffer.wrap("GET session:42\r\n".getBytes(StandardCharsets.US_ASCII)));
                ByteBuffer reply = ByteBuffer.allocate(512);
                System.out.println("read " + SessionStore.readReply(ch, reply));
            } catch (IOException e) {
                System.out.println("failed: " + e);
            }
        });
        Scenario.runFor(Duration.ofSeconds(60));
    }

    static final class SessionStore {
        static int readReply(SocketChannel ch, ByteBuffer reply) throws IOException { return ch.read(reply); }
    }
}
