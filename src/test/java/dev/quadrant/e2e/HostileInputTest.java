package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.e2e.scenarios.HostileNamesApp;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every place a name enters a report, given names made to break it: markup, quotes, control characters, lone
 * surrogates, a right-to-left override, a megabyte. The JSON stays valid for a strict parser, the HTML stays inert
 * and valid UTF-8, and the files stay small.
 */
@Tag("e2e")
class HostileInputTest {
    static final long MAX_REPORT_BYTES = 2L << 20;
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b");

    @Test void hostileNamesLeaveTheReportsValidInertAndSmall() throws Exception {
        Host.Outcome run = Host.run(new TargetJvm.Launch(HostileNamesApp.class).args("8").agent("interval=1s"));
        TargetJvm jvm = run.jvm();
        assertThat(run.exitCode()).as(jvm.describe()).isZero();
        assertThat(run.stdout()).isEqualTo("done\n");
        Host.assertUnharmed(jvm);
        assertThat(Host.agentErrors(jvm)).as(Host.log(jvm)).isZero();

        StringBuilder allJson = new StringBuilder();
        List<Path> files;
        try (var list = Files.list(jvm.out)) {
            files = list.filter(p -> p.getFileName().toString().matches("(report-\\d+|latest)\\.(json|html)")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(8);
        for (Path f : files) {
            assertThat(Files.size(f)).as(f + " stays small with a megabyte-long thread name").isLessThan(MAX_REPORT_BYTES);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(f))).toString();
            assertThat(text).as(f.toString()).doesNotContain("\u202E").doesNotContain("\u0000").doesNotContain("\u001b").doesNotContain("\u0007");
            if (f.toString().endsWith(".json")) {
                StrictJson.read(f);
                allJson.append(text);
            } else {
                assertThat(count(SCRIPT_TAG, text)).as(f + ": only the page's own data block and script").isEqualTo(2);
                assertThat(text).as(f.toString()).doesNotContain("<img").doesNotContain("<svg onload").doesNotContain("<b onmouseover")
                        .doesNotContain("</script><script>alert");
            }
        }
        String json = allJson.toString();
        assertThat(json).as("the hostile names reached the reports (escaped)").contains("\\u003cimg src=x onerror=alert(1)>")
                .contains("onmouseover=alert(4)").contains("svg onload=alert(5)").contains("evil.\\u003cimg src=x onerror=alert(3)>");
        assertThat(json).as("the megabyte-long name was cut where it entered").contains("more characters)").doesNotContain("x".repeat(5000));
    }

    private static int count(Pattern p, String text) {
        int n = 0;
        for (Matcher m = p.matcher(text); m.find(); ) n++;
        return n;
    }
}
