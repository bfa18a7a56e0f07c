package dev.quadrant.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OptionsTest {
    @Test void noArgumentsMeanDefaults() throws Exception {
        assertThat(Options.parse(null)).isEqualTo(Options.defaults());
        assertThat(Options.parse("  ")).isEqualTo(Options.defaults());
        assertThat(Options.defaults().interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(Options.defaults().out()).isEqualTo(Path.of("quadrant-reports"));
    }

    @Test void allKeysParse() throws Exception {
        Options o = Options.parse("out=/tmp/q, interval=10s,keep=7,instrument=off");
        assertThat(o.out()).isEqualTo(Path.of("/tmp/q"));
        assertThat(o.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.keep()).isEqualTo(7);
        assertThat(o.instrument()).isFalse();
        assertThat(Options.defaults().instrument()).isTrue();
        assertThat(Options.parse("instrument=ON").instrument()).isTrue();
    }

    /** What attach passes on is what was typed: every key, set away from its default, survives format and parse. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"out|/srv/app/q reports", "interval|1500ms", "interval|24h", "keep|3", "instrument|off", "instrument|on"})
    void everyKeyRoundTrips(String key, String value) throws Exception {
        Options typed = Options.parse(key + "=" + value);
        assertThat(Options.parse(typed.format())).isEqualTo(typed);
        assertThat(Options.parse(typed.withAbsoluteOut().format())).isEqualTo(typed.withAbsoluteOut());
    }

    @Test void formatWritesEveryKey() throws Exception {
        Options o = Options.parse("out=/tmp/q,interval=10s,keep=7,instrument=off");
        assertThat(Options.KEYS).allSatisfy(key -> assertThat(o.format()).contains(key + "="));
        assertThat(o.format().split(",")).hasSize(Options.KEYS.size());
        assertThat(Options.parse(o.format())).isEqualTo(o);
        assertThat(Options.parse(Options.defaults().format())).isEqualTo(Options.defaults());
    }

    @Test void everyKeyIsParsed() {
        assertThat(Options.KEYS).allSatisfy(key -> assertThatThrownBy(() -> Options.parse(key + "="))
                .isInstanceOf(Options.BadOption.class).hasMessageNotContaining("unknown option"));
    }

    @Test void instrumentTakesOnOrOff() {
        assertThatThrownBy(() -> Options.parse("instrument=maybe")).isInstanceOf(Options.BadOption.class)
                .hasMessageContaining("instrument=maybe").hasMessageContaining("on or off");
    }

    @Test void jcmdDoubleQuotesAreAccepted() throws Exception {
        assertThat(Options.parse("\"out=/tmp/q,interval=5m\"").interval()).isEqualTo(Duration.ofMinutes(5));
    }

    @ParameterizedTest @CsvSource({"500ms,500", "10s,10000", "5m,300000", "1h,3600000", "24h,86400000"})
    void durations(String text, long millis) throws Exception {
        assertThat(Options.interval(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest @ValueSource(strings = {"10", "10x", "-5s", "1.5s", "499ms", "25h", "s", ""})
    void badIntervalsNameTheOption(String bad) {
        assertThatThrownBy(() -> Options.parse("interval=" + bad)).isInstanceOf(Options.BadOption.class).hasMessageContaining("interval");
    }

    @Test void unknownKeyIsNamedAndTheLineListsTheValidOnes() {
        assertThatThrownBy(() -> Options.parse("out=/tmp/q,intervall=5s")).isInstanceOfSatisfying(Options.BadOption.class, e -> {
            assertThat(e.getMessage()).contains("'intervall'");
            assertThat(e.line()).startsWith("quadrant: ").contains("out=", "interval=", "keep=").contains("application continues")
                    .doesNotContain("\n");
        });
    }

    @Test void aBareKeyExplainsJcmdQuoting() {
        // what jcmd delivers when the options were not quoted: the list cut at the first '='
        assertThatThrownBy(() -> Options.parse("out")).isInstanceOf(Options.BadOption.class)
                .hasMessageContaining("'out' has no value").hasMessageContaining("'\"out=");
    }

    @ParameterizedTest @ValueSource(strings = {"keep=0", "keep=abc", "keep=100001", "out=", "out=/a,out=/b", "interval=5s,,keep=3"})
    void otherMistakesAreErrors(String bad) {
        assertThatThrownBy(() -> Options.parse(bad)).isInstanceOf(Options.BadOption.class);
    }
}
