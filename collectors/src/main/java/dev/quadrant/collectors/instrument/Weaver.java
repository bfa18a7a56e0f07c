package dev.quadrant.collectors.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Weaves the advice into the few JDK classes JFR cannot see into, at start-up or into classes already loaded (they are
 * retransformed), and takes it out again: {@link #remove} retransforms them back to their original bytes.
 * Only method bodies change (no new fields or methods), which retransformation allows. RandomAccessFile is left alone:
 * the JDK reads jar files through it while loading classes, in small pieces and with its position shared.
 */
final class Weaver {
    static final String[] WOVEN = ClassLoadGate.JDK;
    static final String[] SERVER_POOLS = ClassLoadGate.SERVER_POOLS;
    static final String[] ALL = ClassLoadGate.ALL;

    private final ClassFileTransformer weaving;  // ByteBuddy's, reached only through the gate's name filter
    private final ClassFileTransformer transformer;
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();
    private final AtomicLong woven = new AtomicLong();
    private final java.util.Set<String> wovenTypes = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** {@code gate}: the transformer installed before main, or null (attached later: one is installed here). */
    Weaver(Instrumentation inst, ClassLoadGate gate) {
        weaving = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .with(new Listener())
                // replaces ByteBuddy's default ignore, which skips the JDK's own classes; the gate has let only these names through
                .ignore(not(namedOneOf(ALL)))
                .type(named(WOVEN[0])).transform((b, type, loader, module, pd) -> b
                        .visit(advice(Advice.PoolCreated.class, isConstructor().and(takesArguments(7))))
                        .visit(advice(Advice.Execute.class, named("execute").and(takesArguments(1)).and(takesArgument(0, Runnable.class))))
                        .visit(advice(Advice.BeforeExecute.class, named("beforeExecute").and(takesArguments(2))))
                        .visit(advice(Advice.AfterExecute.class, named("afterExecute").and(takesArguments(2))))
                        .visit(advice(Advice.Reject.class, named("reject").and(takesArguments(1)))))
                .type(named(WOVEN[1])).transform((b, type, loader, module, pd) -> b
                        .visit(advice(Advice.PoolCreated.class, isConstructor())))
                .type(named(WOVEN[2])).transform((b, type, loader, module, pd) -> b
                        .visit(advice(Advice.ThreadStart.class, named("start").and(takesArguments(0)))))
                .type(named(WOVEN[3])).transform((b, type, loader, module, pd) -> b
                        .visit(advice(Advice.Acquire.class, named("acquire").and(takesArguments(6)))))
                .type(named(WOVEN[4])).transform((b, type, loader, module, pd) -> b
                        .visit(advice(Advice.WriteByte.class, named("write").and(takesArguments(int.class))))
                        .visit(advice(Advice.WriteArray.class, named("write").and(takesArguments(byte[].class))))
                        .visit(advice(Advice.WriteRange.class, named("write").and(takesArguments(byte[].class, int.class, int.class))))
                        .visit(advice(Advice.StreamOpened.class, isConstructor().and(takesArguments(java.io.File.class, boolean.class))))
                        .visit(advice(Advice.FileClosed.class, named("close").and(takesArguments(0)))))
                .type(named(WOVEN[5])).transform((b, type, loader, module, pd) -> b
                        .visit(advice(Advice.ReadByte.class, named("read").and(takesArguments(0))))
                        .visit(advice(Advice.ReadArray.class, named("read").and(takesArguments(byte[].class))))
                        .visit(advice(Advice.ReadRange.class, named("read").and(takesArguments(byte[].class, int.class, int.class))))
                        .visit(advice(Advice.StreamOpened.class, isConstructor().and(takesArguments(java.io.File.class))))
                        .visit(advice(Advice.FileClosed.class, named("close").and(takesArguments(0)))))
                .type(named(WOVEN[7])).transform((b, type, loader, module, pd) -> b  // Files.newInputStream, Files.lines, FileChannel.open
                        .visit(advice(Advice.ChannelOpened.class, isConstructor()))
                        .visit(advice(Advice.FileClosed.class, named("implCloseChannel").and(takesArguments(0)))))
                .type(named(WOVEN[6])).transform((b, type, loader, module, pd) -> b
                        .visit(advice(Advice.Lookup.class, lookupMethod(type))))
                // Tomcat's fork of ThreadPoolExecutor keeps the JDK's method shapes
                .type(named(ServerPools.TOMCAT)).transform((b, type, loader, module, pd) -> b
                        .visit(advice(Advice.PoolCreated.class, isConstructor()))
                        .visit(advice(Advice.Execute.class, named("execute").and(takesArguments(Runnable.class))))
                        .visit(advice(Advice.BeforeExecute.class, named("beforeExecute").and(takesArguments(2))))
                        .visit(advice(Advice.AfterExecute.class, named("afterExecute").and(takesArguments(2))))
                        .visit(advice(Advice.Reject.class, named("reject").and(takesArguments(1)))))
                .type(named(ServerPools.JETTY)).transform((b, type, loader, module, pd) -> b
                        .visit(advice(Advice.PoolCreated.class, isConstructor()))
                        .visit(advice(Advice.ExecuteRejecting.class, named("execute").and(takesArguments(Runnable.class))))
                        .visit(advice(Advice.RunTask.class, named("runJob").and(takesArguments(Runnable.class)))))
                .type(named(ServerPools.JBOSS)).transform((b, type, loader, module, pd) -> b
                        .visit(advice(Advice.PoolCreated.class, isConstructor()))
                        .visit(advice(Advice.Execute.class, named("execute").and(takesArguments(Runnable.class))))
                        .visit(advice(Advice.Reject.class, namedOneOf("rejectQueueFull", "rejectShutdown", "rejectNoThread").and(takesArguments(1)))))
                .type(named(ServerPools.JBOSS + "$Task")).transform((b, type, loader, module, pd) -> b
                        .visit(advice(Advice.WrappedTaskRun.class, named("run").and(takesArguments(0)))))
                // HikariDataSource.getConnection() and getConnection(user, password) both end here
                .type(named(ConnectionPools.HIKARI)).transform((b, type, loader, module, pd) -> b
                        .visit(advice(Advice.PoolCreated.class, isConstructor()))
                        .visit(advice(Advice.ConnectionWait.class, named("getConnection").and(takesArguments(long.class)))))
                .makeRaw();
        if (gate != null) {
            gate.open(weaving);
            transformer = gate;
        } else {
            transformer = ClassLoadGate.installOpen(inst, weaving);
        }
        retransform(inst, loaded(inst));
        weaveServerPoolsLoadedMeanwhile(inst);
    }

    private void retransform(Instrumentation inst, Class<?>[] classes) {
        if (classes.length == 0) return;
        try {
            inst.retransformClasses(classes);
        } catch (Exception | LinkageError e) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, new IllegalStateException("weaving " + java.util.Arrays.toString(classes) + " failed", e));
        }
    }

    /**
     * A server pool class the application loaded while the transformer was being installed (Tomcat loads its executor
     * within the agent's first seconds) was neither in {@link #loaded} nor seen loading: retransformed now.
     */
    private void weaveServerPoolsLoadedMeanwhile(Instrumentation inst) {
        java.util.Set<String> servers = java.util.Set.of(SERVER_POOLS);
        java.util.List<Class<?>> missed = new java.util.ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) if (servers.contains(c.getName()) && !wovenTypes.contains(c.getName())) missed.add(c);
        retransform(inst, missed.toArray(new Class<?>[0]));
    }

    /**
     * The woven classes this JVM has loaded already: they are retransformed; the others are woven as they load. Found
     * among the loaded classes by name, never by loading one: an application thread may be loading a pool class right
     * now, held by the gate until this weaving is ready.
     */
    static Class<?>[] loaded(Instrumentation inst) {
        java.util.Set<String> names = java.util.Set.of(ALL);
        java.util.List<Class<?>> found = new java.util.ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) if (names.contains(c.getName())) found.add(c);
        return found.toArray(new Class<?>[0]);
    }

    /**
     * The one look-up method every public name look-up passes exactly once: JDK 17 funnels getByName and getAllByName
     * through a private getAllByName(String, InetAddress); newer JDKs through the public getAllByName(String).
     */
    static net.bytebuddy.matcher.ElementMatcher<net.bytebuddy.description.method.MethodDescription> lookupMethod(TypeDescription type) {
        var twoArgs = named("getAllByName").and(takesArguments(String.class, java.net.InetAddress.class));
        boolean funnel = !type.getDeclaredMethods().filter(twoArgs).isEmpty();
        return funnel ? twoArgs : named("getAllByName").and(takesArguments(String.class));
    }

    private static AsmVisitorWrapper advice(Class<?> advice, net.bytebuddy.matcher.ElementMatcher<? super net.bytebuddy.description.method.MethodDescription> on) {
        return net.bytebuddy.asm.Advice.to(advice).on(on);
    }

    /**
     * Takes the transformer off the class-load path (the woven classes stay woven): while the heap is exhausted the
     * JVM cannot even hand a class name to a transformer and prints an assertion to the host's stderr.
     */
    void detach(Instrumentation inst) { inst.removeTransformer(transformer); }

    /** Puts it back, so classes loaded or retransformed from now on are woven again. */
    void reattach(Instrumentation inst) { inst.addTransformer(transformer, true); }

    /**
     * Takes the transformer off and retransforms the woven classes: with no transformer left to weave them they get
     * their original bytes back. Returns how many were.
     */
    int remove(Instrumentation inst) {
        inst.removeTransformer(transformer);
        java.util.List<Class<?>> restore = new java.util.ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) if (wovenTypes.contains(c.getName()) && inst.isModifiableClass(c)) restore.add(c);
        if (restore.isEmpty()) return 0;
        try {
            inst.retransformClasses(restore.toArray(new Class<?>[0]));
            return restore.size();
        } catch (Exception | LinkageError e) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, new IllegalStateException("restoring " + restore + " failed", e));
            return 0;
        }
    }

    long woven() { return woven.get(); }

    long errors() { return errors.get(); }

    Throwable firstError() { return firstError.get(); }

    private final class Listener extends AgentBuilder.Listener.Adapter {
        @Override public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded, DynamicType dynamicType) {
            woven.incrementAndGet();
            wovenTypes.add(type.getName());
        }

        @Override public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable throwable) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, new IllegalStateException("weaving " + typeName + " failed", throwable));
        }
    }
}
