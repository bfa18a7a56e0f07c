package dev.quadrant.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AttachCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    private final AttachCommands commands = new AttachCommands(new PrintStream(out, true), new PrintStream(err, true), Path.of("/q.jar"));

    @Test void javaSpecificationVersionsOldAndNew() {
        assertThat(AttachCommands.feature("1.8")).isEqualTo(8);
        assertThat(AttachCommands.feature("17")).isEqualTo(17);
        assertThat(AttachCommands.feature("25")).isEqualTo(25);
        assertThat(AttachCommands.feature("junk")).isZero();
    }

    @Test void theMarkerPropertyIsReadBack() {
        String marker = "version=0.1.0;out=/var/q;interval=10000ms;loadedBy=attach";
        assertThat(AttachCommands.field(marker, "out")).isEqualTo("/var/q");
        assertThat(AttachCommands.describe(marker)).isEqualTo("reports in /var/q every 10000ms, attach");
        assertThat(AttachCommands.field(marker, "missing")).isEqualTo("?");
    }

    @Test void badOptionsAreRefusedBeforeAnyAttach() {
        assertThat(commands.attach(Long.toString(ProcessHandle.current().pid()), "colour=blue")).isEqualTo(AttachCommands.USAGE);
        assertThat(err.toString()).contains("unknown option 'colour'").contains("Nothing was attached");
    }

    @Test void aPidThatIsNotANumberIsAUsageError() {
        assertThat(commands.stop("12x")).isEqualTo(AttachCommands.USAGE);
        assertThat(err.toString()).contains("'12x' is not a process id");
    }

    @Test void thisProcessIsNotATarget() {
        assertThat(commands.attach(Long.toString(ProcessHandle.current().pid()), null)).isEqualTo(AttachCommands.USAGE);
        assertThat(err.toString()).contains("this command itself");
    }
}
