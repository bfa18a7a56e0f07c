package dev.quadrant.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quadrant.core.Metric;
import dev.quadrant.core.Metrics;
import dev.quadrant.core.Report;
import dev.quadrant.core.Unit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyFiguresTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test void everyFigureOfTheTableIsShownWithItsLabelInItsUnit() {
        Report full = Reports.full();
        String html = HtmlReport.render(full);
        assertThat(full.metrics().figures()).extracting(Metrics.Figure::metric).containsExactlyElementsOf(Metrics.TABLE);
        for (Metrics.Figure f : full.metrics().figures()) assertThat(html).contains(row(f.metric().label(), KeyFigures.text(f)));
        assertThat(html).contains(row("Heap used", "212.4 MiB"), row("Allocation rate", "102.4 MiB/s"), row("Process CPU (cores)", "1.23"),
                row("Machine CPU load", "63%"), row("GC pause total", "1,246.5 ms"), row("Thread count", "1,234"), row("Max file descriptors", "1,048,576"));
        assertThat(html).contains("<h3>THREADS · Pools</h3>")
                .contains("<tr><th>Pool</th><th>Active</th><th>Max size</th><th>Queued</th><th>Completed</th><th>Rejected</th><th>Mean queue wait</th></tr>")
                .contains("<tr><td>orders-N</td><td>8</td><td>8</td><td>120</td><td>4,321</td><td>2</td><td>600 ms</td></tr>");
    }

    @Test void eachUnitReadsAsBefore() {
        assertThat(KeyFigures.text(Unit.COUNT, 1234)).isEqualTo("1,234");
        assertThat(KeyFigures.text(Unit.BYTES, 3L << 20)).isEqualTo("3.0 MiB");
        assertThat(KeyFigures.text(Unit.BYTES_PER_SECOND, 1L << 30)).isEqualTo("1.0 GiB/s");
        assertThat(KeyFigures.text(Unit.MILLIS, 12.5)).isEqualTo("12.5 ms");
        assertThat(KeyFigures.text(Unit.CORES, 1.5)).isEqualTo("1.50");
        assertThat(KeyFigures.text(Unit.RATIO, 0.5)).isEqualTo("50%");
    }

    @Test void everyJsonKeyOfAFullWindowIsInTheTable() throws Exception {
        JsonNode metrics = mapper.readTree(JsonReport.render(Reports.full())).get("metrics");
        List<String> scalars = new ArrayList<>();
        metrics.fields().forEachRemaining(dimension -> dimension.getValue().fields().forEachRemaining(e -> {
            if (e.getKey().equals(Metrics.POOLS.key()) && dimension.getKey().equals(Metrics.POOLS.dimension().name())) {
                List<String> columns = new ArrayList<>(List.of(Metrics.POOLS.nameKey()));
                Metrics.POOLS.columns().forEach(c -> columns.add(c.key()));
                assertThat(e.getValue()).isNotEmpty().allSatisfy(row -> assertThat(row.fieldNames()).toIterable().containsExactlyElementsOf(columns));
                return;
            }
            assertThat(Metrics.TABLE).as(dimension.getKey() + " " + e.getKey())
                    .anyMatch(m -> m.key().equals(e.getKey()) && m.dimension().name().equals(dimension.getKey()));
            scalars.add(e.getKey());
        }));
        assertThat(scalars).containsExactlyElementsOf(Metrics.TABLE.stream().map(Metric::key).toList());
    }

    /** The metrics part as the report wrote it before the table: same keys, order and rounding. */
    @Test void theMetricsJsonKeepsItsShape() {
        assertThat(Json.write(JsonReport.metrics(Reports.full().metrics()))).isEqualTo(FULL_WINDOW_METRICS);
    }

    @Test void evidenceValuesReadTheUnitTheirKeyNames() {
        assertThat(EvidenceValues.text("heapUsedBytes", 3L << 20)).isEqualTo("3.0 MiB");
        assertThat(EvidenceValues.text("allocationRateBytesPerSecond", 1L << 30)).endsWith("/s");
        assertThat(EvidenceValues.text("gcPauseTotalMs", 12.5)).isEqualTo("12.5 ms");
        assertThat(EvidenceValues.text("machineCpuLoad", 0.5)).isEqualTo("50%");
        assertThat(EvidenceValues.text("share", 0.5)).isEqualTo("50.0%");
        assertThat(EvidenceValues.text("threadCount", 1234)).isEqualTo("1,234");
        assertThat(EvidenceValues.text("name", "x")).isEqualTo("x");
    }

    private static String row(String label, String value) { return "<tr><th>" + label + "</th><td>" + value + "</td></tr>"; }

    static final String FULL_WINDOW_METRICS = """
            {
              "CPU": {
                "processCpuCores": 1.225,
                "processCpuLoad": 0.5,
                "machineCpuLoad": 0.625,
                "availableProcessors": 8,
                "jfrProfiledCpuMs": 60,
                "threadDumpProfiledCpuMs": 1500
              },
              "MEMORY": {
                "heapUsedBytes": 222718771,
                "heapCommittedBytes": 536870912,
                "heapMaxBytes": 1073741824,
                "allocatedBytes": 6442450944,
                "allocationRateBytesPerSecond": 107374182,
                "gcCount": 7,
                "gcTimeMs": 42,
                "gcPauses": 2,
                "gcPauseTotalMs": 1246.5,
                "gcPauseLongestMs": 834.6,
                "directBufferBytes": 67108864,
                "mappedBufferBytes": 268435456,
                "loadedClasses": 8000
              },
              "THREADS": {
                "threadCount": 1234,
                "daemonThreadCount": 12,
                "peakThreadCount": 1300,
                "threadsStarted": 5,
                "contendedMonitors": 1,
                "monitorBlockedMs": 250,
                "deadlockedThreads": 1,
                "untimedWaits": 1,
                "virtualPinnedMs": 30,
                "pools": [
                  {
                    "name": "orders-N",
                    "active": 8,
                    "maxSize": 8,
                    "queued": 120,
                    "completed": 4321,
                    "rejected": 2,
                    "meanQueueWaitMs": 600
                  }
                ]
              },
              "IO": {
                "openFileDescriptors": 120,
                "maxFileDescriptors": 1048576,
                "slowSocketReads": 1,
                "slowSocketWrites": 1,
                "slowFileOperations": 1,
                "socketPeers": 1,
                "blockedCalls": 2
              }
            }
            """;
}
