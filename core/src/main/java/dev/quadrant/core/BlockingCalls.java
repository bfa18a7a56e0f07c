package dev.quadrant.core;

import java.util.List;

/** Recognises, from a thread's stack, blocking calls that can wait forever because no timeout was given. */
public final class BlockingCalls {
    public static final String UNTIMED_SOCKET_READ = "socket read without timeout";

    private BlockingCalls() {}

    /**
     * An untimed socket read made by the application's own code. A stack with no application frame is the
     * platform's own idle reader, waiting for its next request by design: an RMI connection handler (JMX
     * clients), the JNDI/LDAP reader thread.
     */
    public static boolean isApplicationUntimedSocketRead(List<String> stack) {
        return isUntimedSocketRead(stack) && Frames.hasApplicationFrame(stack);
    }

    /**
     * A {@code Socket} read with SO_TIMEOUT 0, or a read on a blocking {@code SocketChannel} (which cannot have
     * one). JDK 13+ reads sockets through {@code NioSocketImpl}: with a timeout the stack passes
     * {@code timedRead}, without one it blocks in {@code tryRead} or {@code park}; seen on JDK 17 and 25.
     */
    public static boolean isUntimedSocketRead(List<String> stack) {
        if (stack.isEmpty()) return false;
        if (Frames.contains(stack, "sun.nio.ch.NioSocketImpl.implRead")) {
            return !Frames.contains(stack, "sun.nio.ch.NioSocketImpl.timedRead");
        }
        return Frames.contains(stack, "sun.nio.ch.SocketChannelImpl.read") && isBlockedInNative(stack.get(0));
    }

    private static boolean isBlockedInNative(String top) {
        return top.startsWith("sun.nio.ch.SocketDispatcher.read") || top.startsWith("sun.nio.ch.Net.poll")
                || top.startsWith("sun.nio.ch.IOUtil.read");
    }
}
