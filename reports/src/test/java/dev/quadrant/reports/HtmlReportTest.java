package dev.quadrant.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    @Test void hostileNamesAreEscapedEverywhere() {
        String html = HtmlReport.render(Reports.report(1, Reports.HOSTILE));
        String markup = html.substring(0, html.indexOf(DATA_BLOCK));
        assertThat(markup).doesNotContain("<img").doesNotContain("onerror=alert(1)>");
        assertThat(markup).contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;");
        // the profiles' frame names travel as JSON data, where no '<' can end the block
        String data = html.substring(html.indexOf(DATA_BLOCK) + DATA_BLOCK.length(), html.indexOf("</script>", html.indexOf(DATA_BLOCK)));
        assertThat(data).contains("\\u003cimg src=x").doesNotContain("<");
    }

    static final String DATA_BLOCK = "<script type=\"application/json\" id=\"q-profiles\">";

    @Test void pageIsSelfContainedAndRunsOnlyItsOwnScript() throws Exception {
        String html = HtmlReport.render(Reports.report(1, "w"));
        assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain(" src=");
        assertThat(html).doesNotContainPattern("<[^>]*\\son[a-z]+\\s*=");  // no inline handler anywhere
        // one executable script, allowed by its hash; the other block is data
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<script>(.*?)</script>", java.util.regex.Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        String script = m.group(1);
        assertThat(m.find()).isFalse();
        String hash = java.util.Base64.getEncoder().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(script.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(html).contains("script-src 'sha256-" + hash + "'");
        assertThat(script).doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                .doesNotContain("document.write").doesNotContain("eval(");
    }

    @Test void pagesWithoutScriptForbidAllScript() {
        assertThat(IndexPage.render("m", 1, List.of(IndexPage.Entry.of(Reports.report(1, "a"))))).doesNotContain("script-src").doesNotContain("<script");
    }

    @Test void showsTilesFindingsEvidenceStackRecommendationAndVerify() {
        String html = HtmlReport.render(Reports.report(7, "worker-3"));
        assertThat(html).contains("data-dimension=\"CPU\"", "data-dimension=\"MEMORY\"", "data-dimension=\"THREADS\"", "data-dimension=\"IO\"");
        assertThat(html).contains("tile critical").contains("Thread worker-3 is stuck").contains("<th>thread</th>")
                .contains("com.acme.A.b(A.java:1)").contains("fix worker-3").contains("jcmd 1 Thread.print");
        assertThat(html.indexOf("threads.x")).isLessThan(html.indexOf("cpu.y"));
    }

    @Test void findingsLinkToTheCatalogue() {
        assertThat(HtmlReport.render(Reports.report(7, "w"))).contains("href=\"rules.html#threads.x\"");
    }

    @Test void theCatalogueHasAnAnchoredEntryForEveryRule() {
        String html = RulesPage.render(dev.quadrant.core.RuleCatalog.all());
        for (dev.quadrant.core.Rule r : dev.quadrant.core.RuleCatalog.all()) {
            assertThat(html).contains("id=\"" + r.id() + "\"");
            assertThat(r.info().thresholds()).as(r.id()).isNotBlank();
            assertThat(r.info().verify()).as(r.id()).contains("<pid>");
        }
        assertThat(html).contains("Content-Security-Policy").doesNotContain("<script");
        assertThat(RulesPage.text(dev.quadrant.core.RuleCatalog.all())).contains("memory.heap-leak  [MEMORY]");
    }

    @Test void indexListsNewestFirstWithEscapedTitles() {
        String html = IndexPage.render("Main" + Reports.HOSTILE, 42, List.of(IndexPage.Entry.of(Reports.report(1, "a")), IndexPage.Entry.of(Reports.report(2, Reports.HOSTILE))));
        String table = html.substring(html.indexOf("<table class=\"strip\""));
        assertThat(table.indexOf("report-0002.html")).isLessThan(table.indexOf("report-0001.html"));
        assertThat(html).doesNotContain("<img");
        // the strip: a cell per report and dimension, oldest on the left
        String strip = html.substring(html.indexOf("strip-cells"), html.indexOf("<table class=\"strip\""));
        assertThat(strip.split("<a class=").length - 1).isEqualTo(8);
        assertThat(strip.indexOf("report-0001.html")).isLessThan(strip.indexOf("report-0002.html"));
    }

    /** A lone surrogate is a name Java allows and no UTF-8 encoder writes; a bidirectional override would reorder the page. */
    @Test void escapeMakesEveryNameWritableAndUnableToReorderThePage() {
        assertThat(Html.escape("lone \uD800 high, \uDFFF low")).isEqualTo("lone \uFFFD high, \uFFFD low");
        assertThat(Html.escape("pair \uD83D\uDE00 kept")).isEqualTo("pair \uD83D\uDE00 kept");
        assertThat(Html.escape("<x>\uD83D\uDE00")).isEqualTo("&lt;x&gt;\uD83D\uDE00");
        assertThat(Html.escape("\u202Eexe.gnp")).isEqualTo("[U+202E]exe.gnp");
        assertThat(Html.escape("x".repeat(100_000))).hasSizeLessThanOrEqualTo(Json.MAX_STRING);
        byte[] utf8 = Html.escape("a\uDBFFb").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(new String(utf8, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("a\uFFFDb");
    }

    @Test void escapeLeavesPlainTextAlone() {
        assertThat(Html.escape("plain text")).isEqualTo("plain text");
        assertThat(Html.escape("a\u0000b")).isEqualTo("a\uFFFDb");
    }
}
