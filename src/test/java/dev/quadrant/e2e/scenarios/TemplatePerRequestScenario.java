package dev.quadrant.e2e.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A mail service that "compiles" each e-mail template into a class per request, in its own class loader, and keeps
 * the compiled templates in a list it never trims: loaded classes and metaspace grow with every request.
 */
public final class TemplatePerRequestScenario {
    /** What a compiled template looks like; its bytes are defined again for every request. */
    public static final class CompiledTemplate {
        public String render(String name) { return "Hello " + name; }
    }

    static final class TemplateLoader extends ClassLoader {
        TemplateLoader() { super(TemplatePerRequestScenario.class.getClassLoader()); }
        Class<?> define(byte[] code) { return defineClass(CompiledTemplate.class.getName(), code, 0, code.length); }
    }

    static final List<Class<?>> COMPILED = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        byte[] code;
        try (InputStream in = TemplatePerRequestScenario.class.getResourceAsStream("TemplatePerRequestScenario$CompiledTemplate.class")) {
            code = in.readAllBytes();
        }
        long start = System.nanoTime();
        Scenario.daemon("mail-sender", () -> {
            while (Scenario.running(start)) {
                COMPILED.add(new TemplateLoader().define(code));
                Scenario.sleep(10);  // ~100 templates/s
            }
        });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
