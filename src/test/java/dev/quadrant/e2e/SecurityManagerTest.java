package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quadrant.e2e.scenarios.SecuredApp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * JDK 17's security manager with a policy that grants the application everything and Quadrant's jar nothing: the
 * application runs as without the agent; Quadrant says in one line what it may not do and turns that off. With the
 * jar granted what it needs, Quadrant goes on reporting.
 */
@Tag("e2e")
class SecurityManagerTest {
    static final Path CLASSES = Path.of(System.getProperty("quadrant.test.classes", "target/test-classes")).toAbsolutePath();

    private static Path policy(boolean grantAgent) throws Exception {
        StringBuilder p = new StringBuilder("grant codeBase \"file:" + CLASSES + "/-\" { permission java.security.AllPermission; };\n");
        if (grantAgent) p.append("grant codeBase \"file:").append(TargetJvm.AGENT_JAR).append("\" { permission java.security.AllPermission; };\n");
        return Files.writeString(Files.createTempFile(TargetJvm.RUNS, "policy", ".txt"), p.toString());
    }

    @Test void aSecurityManagerInstalledLaterTurnsQuadrantOffInOneLine() throws Exception {
        assumeTrue(Runtime.version().feature() < 24, "JDK 24+ has no security manager");
        String[] jvm = {"-Djava.security.manager=allow", "-Djava.security.policy=" + policy(false)};
        Host.Outcome without = Host.run(new TargetJvm.Launch(SecuredApp.class).jvmArgs(jvm).args("install", "3000", "3000"));
        Host.Outcome with = Host.run(new TargetJvm.Launch(SecuredApp.class).jvmArgs(jvm).args("install", "3000", "3000").agent("interval=500ms"));
        Host.assertSameAsWithout(without, with);
        assertThat(Host.ownLines(with.jvm())).singleElement().asString().startsWith("quadrant: a security manager denies Quadrant reports")
                .contains("Quadrant stops").contains("The application continues");
        assertThat(with.jvm().reports()).as("reports until the security manager came").isNotEmpty();
    }

    @Test void aSecurityManagerFromTheStartIsOneLineAndQuadrantStaysOff() throws Exception {
        assumeTrue(Runtime.version().feature() < 24, "JDK 24+ has no security manager");
        String[] jvm = {"-Djava.security.manager", "-Djava.security.policy=" + policy(false)};
        Host.Outcome without = Host.run(new TargetJvm.Launch(SecuredApp.class).jvmArgs(jvm).args("none", "1000", "0"));
        Host.Outcome with = Host.run(new TargetJvm.Launch(SecuredApp.class).jvmArgs(jvm).args("none", "1000", "0").agent("interval=500ms"));
        Host.assertSameAsWithout(without, with);
        assertThat(Host.ownLines(with.jvm())).singleElement().asString().startsWith("quadrant: a security manager denies Quadrant reports")
                .contains("Quadrant is not started").contains("The application continues");
    }

    @Test void aPolicyThatGrantsTheAgentKeepsItReporting() throws Exception {
        assumeTrue(Runtime.version().feature() < 24, "JDK 24+ has no security manager");
        String[] jvm = {"-Djava.security.manager=allow", "-Djava.security.policy=" + policy(true)};
        Host.Outcome with = Host.run(new TargetJvm.Launch(SecuredApp.class).jvmArgs(jvm).args("install", "1500", "3000").agent("interval=500ms"));
        assertThat(with.exitCode()).as(with.jvm().describe()).isZero();
        Host.assertUnharmed(with.jvm());
        assertThat(Host.ownLines(with.jvm())).isEmpty();
        assertThat(with.jvm().reports()).as("reports after the security manager came").hasSizeGreaterThan(6);
        assertThat(Host.agentErrors(with.jvm())).as(Host.log(with.jvm())).isZero();
    }
}
