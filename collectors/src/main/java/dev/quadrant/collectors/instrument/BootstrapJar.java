package dev.quadrant.collectors.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the bridge classes where advice woven into {@code java.*} classes can see them: the bootstrap class loader.
 * They are defined there directly (the JDK's internal Unsafe, opened to Quadrant alone), because appending a jar to the
 * bootstrap search path makes the JVM print a warning and stop sharing (CDS) every class not loaded by the bootstrap
 * loader; the jar is only the fallback. Must run before anything loads the bridge through the agent's own loader (names
 * only here, never class literals). Done once per JVM: a re-attached agent finds the classes there already.
 */
public final class BootstrapJar {
    static final String PACKAGE = "dev/quadrant/bootstrap/";
    static final String[] CLASSES = {"Hooks", "Bridge"};  // an interface before its user

    private BootstrapJar() {}

    /** Returns how the classes got there: "defined", "appended" or "present". */
    public static synchronized String inject(Instrumentation inst) throws IOException {
        if (onBootstrapPath()) return "present";
        try {
            define(inst);
            if (onBootstrapPath()) return "defined";
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // an unusual JVM: fall through to the jar
        }
        append(inst);
        if (!onBootstrapPath()) throw new IOException("the bootstrap class loader does not see the bridge classes");
        return "appended";
    }

    private static void define(Instrumentation inst) throws ReflectiveOperationException, IOException {
        Module javaBase = Object.class.getModule();
        inst.redefineModule(javaBase, Set.of(), Map.of(), Map.of("jdk.internal.misc", Set.of(BootstrapJar.class.getModule())), Set.of(), Map.of());
        Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
        Method define = unsafeClass.getMethod("defineClass", String.class, byte[].class, int.class, int.class, ClassLoader.class, ProtectionDomain.class);
        for (String name : CLASSES) {
            byte[] bytes = bytes(name);
            define.invoke(unsafe, (PACKAGE + name).replace('/', '.'), bytes, 0, bytes.length, null, null);
        }
    }

    private static void append(Instrumentation inst) throws IOException {
        Path jar = Files.createTempFile("quadrant-bootstrap-", ".jar");
        jar.toFile().deleteOnExit();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String name : CLASSES) {
                out.putNextEntry(new JarEntry(PACKAGE + name + ".class"));
                out.write(bytes(name));
                out.closeEntry();
            }
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
    }

    private static byte[] bytes(String name) throws IOException {
        String entry = PACKAGE + name + ".class";
        try (InputStream in = BootstrapJar.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) throw new IOException("missing " + entry + " in the agent jar");
            return in.readAllBytes();
        }
    }

    static boolean onBootstrapPath() {
        try {
            Class.forName(PACKAGE.replace('/', '.') + "Bridge", false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
