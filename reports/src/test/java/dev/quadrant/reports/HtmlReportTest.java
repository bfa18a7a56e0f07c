package dev.quadrant.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    @Test void hostileNamesAreEscapedEverywhere() {
        String html = HtmlReport.render(Reports.report(1, Reports.HOSTILE));
        assertThat(html).doesNotContain("<img").doesNotContain("onerror=alert(1)>");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;");
    }

    @Test void pageIsSelfContainedWithAStrictPolicy() {
        String html = HtmlReport.render(Reports.report(1, "w"));
        assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
        assertThat(html).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
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
        assertThat(html.indexOf("report-0002.html")).isLessThan(html.indexOf("report-0001.html"));
        assertThat(html).doesNotContain("<img");
    }

    @Test void escapeLeavesPlainTextAlone() {
        assertThat(Html.escape("plain text")).isEqualTo("plain text");
        assertThat(Html.escape("a\u0000b")).isEqualTo("a\uFFFDb");
    }
}
