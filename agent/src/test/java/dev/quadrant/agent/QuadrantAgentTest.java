package dev.quadrant.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuadrantAgentTest {
    @TempDir Path dir;

    @Test void badOptionsPrintOneLineAndNeverThrow() {
        String err = stderrOf(() -> QuadrantAgent.premain("interval=fast", null));
        assertThat(err).startsWith("quadrant: option 'interval=fast'").endsWith("application continues.\n");
        assertThat(err.lines()).hasSize(1);
        assertThat(Quadrant.running()).isNull();
    }

    @Test void anUnwritableReportFolderIsOneClearLine() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        String err = stderrOf(() -> QuadrantAgent.premain("out=" + file.resolve("reports"), null));
        assertThat(err).startsWith("quadrant: cannot write reports to").contains("out=<dir>");
        assertThat(Quadrant.running()).isNull();
    }

    @Test void theJdksOwnToolsAndLaunchesWithoutAMainAreNotApplications() {
        assertThat(QuadrantAgent.runsAnApplication("jdk.jcmd/sun.tools.jcmd.JCmd -l", "jdk.jcmd")).isFalse();
        assertThat(QuadrantAgent.runsAnApplication("jdk.compiler/com.sun.tools.javac.Main -version", "jdk.compiler")).isFalse();
        assertThat(QuadrantAgent.runsAnApplication("java.base/sun.security.tools.keytool.Main -help", "java.base")).isFalse();
        assertThat(QuadrantAgent.runsAnApplication(null, null)).as("java -version").isFalse();
        assertThat(QuadrantAgent.runsAnApplication("com.acme.Shop 8080", null)).isTrue();
        assertThat(QuadrantAgent.runsAnApplication("app.jar", null)).isTrue();
        assertThat(QuadrantAgent.runsAnApplication("com.acme.shop/com.acme.Shop", "com.acme.shop")).isTrue();
        assertThat(QuadrantAgent.runsAnApplication("jdkfoo.app/jdkfoo.Main", "jdkfoo.app")).isTrue();
    }

    @Test void cliRejectsUnknownCommands() {
        assertThat(Cli.run(new String[] {"frobnicate"})).isEqualTo(Cli.USAGE);
        assertThat(Cli.run(new String[] {"rules"})).isEqualTo(Cli.OK);
    }

    @Test void rulesPrintsTheWholeCatalogue() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        try {
            assertThat(Cli.run(new String[] {"rules"})).isEqualTo(Cli.OK);
        } finally {
            System.setOut(old);
        }
        for (dev.quadrant.core.Rule r : dev.quadrant.core.RuleCatalog.all()) assertThat(buf.toString()).contains(r.id() + "  [").contains(r.info().fix());
    }

    private static String stderrOf(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return buf.toString();
    }
}
