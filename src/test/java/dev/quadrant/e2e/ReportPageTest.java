package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quadrant.core.AgentStats;
import dev.quadrant.core.RuleRunner;
import dev.quadrant.core.JvmIdentity;
import dev.quadrant.core.Report;
import dev.quadrant.core.Window;
import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.CallTree;
import dev.quadrant.e2e.scenarios.UserNamedJobsScenario;
import dev.quadrant.reports.HtmlReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Test;

/**
 * The HTML report in a real browser (headless Chromium over the DevTools protocol): pages load without a console
 * error, the flame graphs zoom on a click and highlight a search, the charts are drawn, and a workload whose threads
 * carry markup in their names yields a report where that markup is shown as text and nothing runs. Screenshots of the
 * pages go to {@code target/screenshots}.
 */
@Tag("e2e")
@Isolated  // needs the machine to itself: see junit-platform.properties
class ReportPageTest {
    static final Path SHOTS = TargetJvm.RUNS.getParent().resolve("screenshots");
    static Chromium browser;

    @BeforeAll static void browser() throws Exception {
        String binary = Chromium.binary();
        assumeTrue(binary != null, "Chromium is not installed (.ci/run installs it)");
        browser = Chromium.start(binary);
    }

    @AfterAll static void close() throws Exception {
        if (browser != null) browser.close();
    }

    @Test void hostileThreadNamesAreShownAsTextAndNothingRuns() throws Exception {
        Path page;
        Path dir;
        try (TargetJvm jvm = TargetJvm.launch(UserNamedJobsScenario.class, "interval=2s")) {
            TargetJvm.Found busy = jvm.awaitWarning("cpu.busy-thread", Duration.ofSeconds(60),
                    f -> f.at("/evidence/thread").asText().equals(UserNamedJobsScenario.HOSTILE), "naming the hostile thread");
            jvm.awaitWarning("threads.lock-contention", Duration.ofSeconds(30));
            dir = jvm.out;
            page = dir.resolve(String.format("report-%04d.html", busy.report().get("sequence").asInt()));
        }
        String html = Files.readString(page);
        assertThat(html).doesNotContain(UserNamedJobsScenario.HOSTILE).doesNotContain("<script>alert");
        assertThat(html).contains("Content-Security-Policy").contains("script-src 'sha256-");

        browser.open(page);
        assertThat(browser.problems()).as("console errors, exceptions, CSP violations, dialogs").isEmpty();
        assertThat(browser.dialogs()).isEmpty();
        assertThat(browser.eval("document.querySelectorAll('img').length").asInt()).isZero();
        assertThat(browser.eval("document.scripts.length").asInt()).isEqualTo(2);  // the data block and the flame-graph script
        String text = browser.eval("document.body.textContent").asText();
        assertThat(text).contains(UserNamedJobsScenario.HOSTILE);  // shown, as text

        // Overview first: four tiles, the CPU one not OK, top findings linking to their entries.
        assertThat(browser.eval("[...document.querySelectorAll('.tile h2')].map(e => e.textContent).join()").asText()).isEqualTo("CPU,MEMORY,THREADS,IO");
        assertThat(browser.eval("document.querySelector('.tile[data-dimension=CPU] .status').textContent").asText()).isIn("WARNING", "CRITICAL");
        assertThat(browser.eval("document.querySelectorAll('ol.top a[href^=\"#finding-\"]').length").asInt()).isPositive();
        // Timelines: charts drawn from the window's own points.
        assertThat(browser.eval("document.querySelectorAll('#timelines figure.chart svg').length").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(browser.eval("document.querySelectorAll('#timelines svg path.line').length").asInt()).isGreaterThanOrEqualTo(3);

        assertThat(browser.eval("document.querySelectorAll('button.copy').length").asInt())
                .isEqualTo(browser.eval("document.querySelectorAll('pre.verify').length").asInt()).isPositive();

        flameGraphZoomsAndSearches("cpu", "recalculate");
        flameGraphZoomsAndSearches("lock", "post");
        browser.screenshot(SHOTS.resolve("report-user-named-jobs.png"));

        browser.open(dir.resolve("index.html"));
        assertThat(browser.problems()).isEmpty();
        assertThat(browser.eval("document.querySelectorAll('.strip-cells a').length").asInt()).isGreaterThanOrEqualTo(8);
        browser.screenshot(SHOTS.resolve("index.png"));
        browser.open(dir.resolve("rules.html"));
        assertThat(browser.problems()).isEmpty();
    }

    /** Clicks the second row's first frame: the graph zooms on it; Reset zooms out; a search colours matches. */
    private static void flameGraphZoomsAndSearches(String profile, String term) throws Exception {
        String box = "document.getElementById('flame-" + profile + "')";
        assertThat(browser.eval(box + ".dataset.ready").asText()).isEqualTo("yes");
        int drawn = browser.eval(box + ".dataset.drawn").asInt();
        assertThat(drawn).isPositive();
        browser.eval(box + ".scrollIntoView()");
        JsonNode r = browser.eval("(() => { const r = " + box + ".querySelector('canvas').getBoundingClientRect(); return [r.left, r.top]; })()");
        browser.click(r.get(0).asDouble() + 3, r.get(1).asDouble() + 17 * 1 + 8);
        String zoom = browser.eval(box + ".dataset.zoom").asText();
        assertThat(zoom).as("zoomed frame after a click").isNotEmpty();
        browser.eval(box + ".querySelector('button.reset').click()");
        assertThat(browser.eval(box + ".dataset.zoom").asText()).isEmpty();

        browser.eval(box + ".querySelector('input').focus()");
        browser.type(term);
        assertThat(browser.eval(box + ".dataset.matches").asInt()).as("frames matching " + term).isPositive();
        assertThat(browser.eval(box + ".dataset.matchedPercent").asDouble()).isPositive();
        assertThat(browser.eval(magentaPixels(box)).asInt()).as("highlighted pixels").isPositive();
        assertThat(browser.eval(box + ".querySelector('.flame-status').textContent").asText()).contains("match");
        assertThat(browser.problems()).isEmpty();
    }

    private static String magentaPixels(String box) {
        return "(() => { const c = " + box + ".querySelector('canvas'), d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + " for (let i = 0; i < d.length; i += 4) if (d[i] === 0xd9 && d[i + 1] === 0x46 && d[i + 2] === 0xef) n++; return n; })()";
    }

    /** A profile of 50,000 frames draws, zooms and searches in the browser well within a human's patience. */
    @Test void flameGraphOf50000Frames() throws Exception {
        Instant t0 = Instant.parse("2026-11-28T08:00:00Z");
        WindowBuilder b = new WindowBuilder(1, t0);
        Window w = b.build(t0.plusSeconds(60), List.of());
        Map<String, Report.Profile> profiles = new LinkedHashMap<>();
        int[] made = {0};
        profiles.put("cpu", new Report.Profile("ms", "jfr-execution-samples", tree("all", 0, made, 50_000)));
        Report base = Report.of(1, new JvmIdentity(1, "17", "v", "com.acme.Big", 1), w, new RuleRunner(List.of()).run(w),
                new AgentStats("t", AgentStats.STARTED_WITH_JVM, 0, 0, 0, 0, List.of()));
        Report big = new Report(base.sequence(), base.windowStart(), base.windowEnd(), base.jvm(), base.diagnosis(), base.metrics(), profiles,
                base.timeline(), base.history(), base.agent());
        Path file = Files.createDirectories(TargetJvm.RUNS.resolve("big-flame")).resolve("report.html");
        Files.writeString(file, HtmlReport.render(big));
        assertThat(made[0]).isGreaterThanOrEqualTo(50_000);

        long started = System.nanoTime();
        browser.open(file);
        long loadMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(browser.problems()).isEmpty();
        String box = "document.getElementById('flame-cpu')";
        assertThat(browser.eval(box + ".dataset.ready").asText()).isEqualTo("yes");
        assertThat(browser.eval(box + ".dataset.drawn").asInt()).isPositive();
        assertThat(loadMs).as("load and draw, ms (loose bound)").isLessThan(20_000);
        System.out.printf("50,000-frame flame graph: %,d bytes of HTML, loaded and drawn in %d ms%n", Files.size(file), loadMs);
        flameGraphZoomsAndSearches("cpu", "Service7");
        browser.screenshot(SHOTS.resolve("flame-50k.png"));
    }

    /** A wide, deep synthetic call tree: 8 children per node down to depth 6, then chains, until {@code limit} nodes. */
    private static CallTree tree(String frame, int depth, int[] made, int limit) {
        made[0]++;
        List<CallTree> kids = new ArrayList<>();
        if (made[0] < limit && depth < 12) {
            int fan = depth < 5 ? 8 : 1;
            for (int i = 0; i < fan && made[0] < limit; i++) {
                kids.add(tree("com.acme.Service" + i + ".level" + depth + "_" + made[0] + "(Service" + i + ".java:" + (depth * 10 + i) + ")", depth + 1, made, limit));
            }
        }
        long weight = kids.isEmpty() ? 10 : kids.stream().mapToLong(CallTree::weight).sum() + 1;
        return new CallTree(frame, weight, kids);
    }
}
