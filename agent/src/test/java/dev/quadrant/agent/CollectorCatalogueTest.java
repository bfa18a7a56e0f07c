package dev.quadrant.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.collectors.Collector;
import dev.quadrant.collectors.Faults;
import dev.quadrant.core.EvidenceRequest;
import dev.quadrant.core.WindowBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CollectorCatalogueTest {
    private final List<String> calls = new ArrayList<>();
    private final Faults faults = new Faults();
    private final ThreadDumpCost dumpCost = new ThreadDumpCost();

    private class Recording implements Collector {
        final String name;
        final boolean fails;
        final long pauseNanos;

        Recording(String name, boolean fails, long pauseNanos) {
            this.name = name;
            this.fails = fails;
            this.pauseNanos = pauseNanos;
        }

        @Override public String name() { return name; }
        @Override public long lastPauseNanos() { return pauseNanos; }

        @Override public void sample(WindowBuilder window, Tick tick) {
            calls.add("sample " + name);
            if (fails) throw new IllegalStateException(name + " broke");
        }

        @Override public void requested(Set<EvidenceRequest> wanted) {
            calls.add("requested " + name + " " + wanted);
            if (fails) throw new IllegalStateException(name + " broke");
        }

        @Override public void close() {
            calls.add("close " + name);
            if (fails) throw new IllegalStateException(name + " broke");
        }
    }

    @Test void aFailingCollectorIsCountedAndTheOthersGoOn() {
        CollectorCatalogue catalogue = new CollectorCatalogue(List.of(new Recording("a", false, 0), new Recording("broken", true, 0)), faults, dumpCost);
        catalogue.add(new Recording("late", false, 0));
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        catalogue.sampleAll(new WindowBuilder(1, now), new Collector.Tick(now, false));
        catalogue.requestAll(Set.of(EvidenceRequest.DESCRIPTOR_KINDS));
        catalogue.closeAll();

        assertThat(calls).containsExactly("sample a", "sample broken", "sample late",
                "requested a [DESCRIPTOR_KINDS]", "requested broken [DESCRIPTOR_KINDS]", "requested late [DESCRIPTOR_KINDS]",
                "close late", "close broken", "close a");
        assertThat(faults.count()).isEqualTo(3);
    }

    @Test void onlyCollectorsThatReportChangesTakeAReadingAtStart() {
        Collector counting = new Recording("counter", false, 0) {
            @Override public boolean countsChanges() { return true; }
        };
        CollectorCatalogue catalogue = new CollectorCatalogue(List.of(counting, new Recording("deadlocks", false, 0)), faults, dumpCost);
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        catalogue.baseline(new WindowBuilder(1, now), new Collector.Tick(now, false));
        assertThat(calls).containsExactly("sample counter");
    }

    @Test void aThreadDumpsPauseIsCountedAgainstTheDumpBudget() {
        CollectorCatalogue catalogue = new CollectorCatalogue(List.of(new Recording("dump", false, 3_000_000), new Recording("mxbean", false, 0)),
                faults, dumpCost);
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        catalogue.sampleAll(new WindowBuilder(1, now), new Collector.Tick(now, false));

        var sampling = dumpCost.takeWindow(1);
        assertThat(sampling.dumps()).isEqualTo(1);
        assertThat(sampling.longestDumpMs()).isEqualTo(3.0);
    }
}
