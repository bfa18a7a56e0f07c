package dev.quadrant.e2e.scenarios;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application with its own ByteBuddy, SLF4J with Logback, and Micrometer, whichever versions its class
 * path brings. It uses each for its run, then prints which jars served it.
 */
public final class IsolationApp {
    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        Logger log = LoggerFactory.getLogger(IsolationApp.class);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Counter orders = registry.counter("orders");
        Class<?> generated = new ByteBuddy().subclass(Object.class).method(ElementMatchers.named("toString"))
                .intercept(FixedValue.value("generated")).make().load(IsolationApp.class.getClassLoader()).getLoaded();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int n = 0;
        while (System.nanoTime() < end) {
            log.info("order {}", n++);
            orders.increment();
            Object o = generated.getDeclaredConstructor().newInstance();
            if (!"generated".equals(o.toString())) throw new AssertionError("ByteBuddy class broken: " + o);
            Thread.sleep(100);
        }
        System.out.println("isolation ok orders=" + (long) orders.count() + " loggerFactory=" + LoggerFactory.getILoggerFactory().getClass().getName()
                + " bytebuddy=" + jar(ByteBuddy.class) + " slf4j=" + jar(LoggerFactory.class) + " micrometer=" + jar(Counter.class));
        System.exit(0);
    }

    private static String jar(Class<?> c) {
        String path = c.getProtectionDomain().getCodeSource().getLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
