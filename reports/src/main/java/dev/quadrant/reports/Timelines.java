package dev.quadrant.reports;

import dev.quadrant.core.Report;
import dev.quadrant.core.evidence.JvmSample;
import dev.quadrant.core.evidence.Timeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The report's time series, in columns: the window point by point, its collections, and the run's windows one point
 * each. The JSON carries them as they are ({@code null} for unknown) and the HTML draws its charts from the same
 * columns, so both always say the same.
 */
final class Timelines {
    static final String[] PALETTE = {"#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#5d4037", "#ad1457"};

    private Timelines() {}

    /** The window's levels; unknown values are NaN. */
    record Window(long[] time, double[] heapUsed, double[] threads, double[] processCpu, double[] machineCpu, Map<String, double[]> poolQueues) {}

    record Pauses(long[] time, double[] pauseMs, String[] collector, double[] heapAfter, long leftOut) {}

    /** One point per window, at its end; CPU as a percentage of the machine's cores. */
    record Windows(long[] end, double[] heapUsed, double[] heapAfterGc, double[] gcPauseMs, double[] threads, double[] processCpu,
                   double[] machineCpu, double heapMax, Map<String, double[]> poolQueues) {}

    static Window window(Timeline t) {
        List<Timeline.Point> p = t.points();
        int n = p.size();
        long[] time = new long[n];
        double[] heap = new double[n], threads = new double[n], process = new double[n], machine = new double[n];
        TreeSet<String> names = new TreeSet<>();
        for (Timeline.Point x : p) names.addAll(x.poolQueues().keySet());
        Map<String, double[]> queues = new LinkedHashMap<>();
        for (String name : names) queues.put(name, nans(n));
        for (int i = 0; i < n; i++) {
            Timeline.Point x = p.get(i);
            time[i] = x.time().toEpochMilli();
            heap[i] = known(x.heapUsedBytes());
            threads[i] = known(x.threads());
            process[i] = x.processCpuLoad() < 0 ? Double.NaN : x.processCpuLoad() * 100;
            machine[i] = x.machineCpuLoad() < 0 ? Double.NaN : x.machineCpuLoad() * 100;
            for (Map.Entry<String, Long> e : x.poolQueues().entrySet()) queues.get(e.getKey())[i] = e.getValue();
        }
        return new Window(time, heap, threads, process, machine, deepest(queues));
    }

    /** The pools whose queues were deepest at any point, at most {@value Timeline#CHARTED_POOLS}. */
    private static Map<String, double[]> deepest(Map<String, double[]> queues) { return Timeline.deepest(queues, Timelines::max); }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) if (!Double.isNaN(x)) m = Math.max(m, x);
        return m;
    }

    static Pauses pauses(Timeline t) {
        List<Timeline.Pause> p = t.pauses();
        int n = p.size();
        long[] time = new long[n];
        double[] ms = new double[n], after = new double[n];
        String[] collector = new String[n];
        for (int i = 0; i < n; i++) {
            Timeline.Pause x = p.get(i);
            time[i] = x.time().toEpochMilli();
            ms[i] = x.pause().toNanos() / 1e6;
            collector[i] = x.collector();
            after[i] = known(x.heapAfterBytes());
        }
        return new Pauses(time, ms, collector, after, t.pausesLeftOut());
    }

    static Windows windows(List<JvmSample> history) {
        int n = history.size();
        long[] end = new long[n];
        double[] heap = new double[n], afterGc = new double[n], pause = new double[n], threads = new double[n], process = new double[n], machine = new double[n];
        double heapMax = Double.NaN;
        Map<String, double[]> queues = new java.util.TreeMap<>();
        for (JvmSample s : history) {
            for (String name : s.poolQueues().keySet()) queues.computeIfAbsent(name, k -> nans(n));
        }
        for (int i = 0; i < n; i++) {
            JvmSample s = history.get(i);
            for (Map.Entry<String, Long> e : s.poolQueues().entrySet()) queues.get(e.getKey())[i] = e.getValue();
            end[i] = s.time().toEpochMilli();
            heap[i] = known(s.heapUsedBytes());
            afterGc[i] = known(s.heapAfterGcBytes());
            pause[i] = s.gcPauseMicros() < 0 ? Double.NaN : s.gcPauseMicros() / 1000.0;
            threads[i] = known(s.threadCount());
            long lengthNanos = i == 0 ? -1 : (end[i] - end[i - 1]) * 1_000_000;
            process[i] = lengthNanos <= 0 || s.processCpuNanos() < 0 || s.availableProcessors() <= 0 ? Double.NaN
                    : Math.min(100, 100.0 * s.processCpuNanos() / lengthNanos / s.availableProcessors());
            machine[i] = s.machineCpuLoad() < 0 ? Double.NaN : s.machineCpuLoad() * 100;
            if (s.heapMaxBytes() > 0) heapMax = s.heapMaxBytes();
        }
        return new Windows(end, heap, afterGc, pause, threads, process, machine, heapMax, deepest(new LinkedHashMap<>(queues)));
    }

    private static double[] nans(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    private static double known(long v) { return v < 0 ? Double.NaN : v; }

    /** The JSON part: columns of numbers, times in epoch milliseconds. */
    static Map<String, Object> json(Report r) {
        Window w = window(r.timeline());
        Pauses p = pauses(r.timeline());
        Windows h = windows(r.history());
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("time", longs(w.time()));
        window.put("heapUsedBytes", numbers(w.heapUsed()));
        window.put("threads", numbers(w.threads()));
        window.put("processCpuPercent", numbers(w.processCpu()));
        window.put("machineCpuPercent", numbers(w.machineCpu()));
        window.put("poolQueues", columns(w.poolQueues()));
        Map<String, Object> gc = new LinkedHashMap<>();
        gc.put("time", longs(p.time()));
        gc.put("pauseMs", numbers(p.pauseMs()));
        gc.put("collector", List.of(p.collector()));
        gc.put("heapAfterBytes", numbers(p.heapAfter()));
        gc.put("leftOut", p.leftOut());
        Map<String, Object> windows = new LinkedHashMap<>();
        windows.put("end", longs(h.end()));
        windows.put("heapUsedBytes", numbers(h.heapUsed()));
        windows.put("heapAfterGcBytes", numbers(h.heapAfterGc()));
        windows.put("gcPauseMs", numbers(h.gcPauseMs()));
        windows.put("threads", numbers(h.threads()));
        windows.put("processCpuPercent", numbers(h.processCpu()));
        windows.put("machineCpuPercent", numbers(h.machineCpu()));
        windows.put("poolQueues", columns(h.poolQueues()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("window", window);
        m.put("gcPauses", gc);
        m.put("windows", windows);
        return m;
    }

    private static Map<String, Object> columns(Map<String, double[]> byName) {
        Map<String, Object> out = new LinkedHashMap<>();
        byName.forEach((k, v) -> out.put(k, numbers(v)));
        return out;
    }

    private static List<Long> longs(long[] v) {
        List<Long> out = new ArrayList<>(v.length);
        for (long x : v) out.add(x);
        return out;
    }

    private static List<Double> numbers(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) out.add(Double.isNaN(x) ? null : Math.rint(x * 10) / 10);
        return out;
    }

    private static String heapTitle(String title, double max) {
        return Double.isNaN(max) ? title : title + " (max " + Chart.bytes(max) + ")";
    }

    /** The maximum as a line only when the heap comes near it: drawn always, it would flatten a small heap to the floor. */
    private static void addMax(Chart chart, double max, long at, double[] used) {
        if (!Double.isNaN(max) && max(used) >= max * 0.4) chart.add("max", Chart.Kind.LEVEL, "#5f6b7a", new long[] {at}, new double[] {max});
    }

    /** The charts of the window, then those of the run when it has more than one window. */
    static void render(Html out, Report r) {
        long from = r.windowStart().toEpochMilli(), to = r.windowEnd().toEpochMilli();
        Window w = window(r.timeline());
        Pauses p = pauses(r.timeline());
        Windows h = windows(r.history());
        out.raw("<h3>This period</h3><div class=\"charts\">");
        Chart heap = new Chart(heapTitle("Heap", h.heapMax()), Chart.Unit.BYTES, from, to)
                .add("used", Chart.Kind.LINE, "#1565c0", w.time(), w.heapUsed())
                .add("after GC", Chart.Kind.DOTS, "#c62828", p.time(), p.heapAfter());
        addMax(heap, h.heapMax(), to, w.heapUsed());
        heap.render(out);
        String pauseTitle = "GC pauses" + (p.leftOut() > 0 ? " (" + p.leftOut() + " more not drawn)" : "");
        new Chart(pauseTitle, Chart.Unit.MILLIS, from, to).add("pause", Chart.Kind.BARS, "#b26a00", p.time(), p.pauseMs()).render(out);
        new Chart("Live threads", Chart.Unit.COUNT, from, to).add("threads", Chart.Kind.LINE, "#2e7d32", w.time(), w.threads()).render(out);
        new Chart("CPU (share of all cores)", Chart.Unit.PERCENT, from, to)
                .add("process", Chart.Kind.LINE, "#6a1b9a", w.time(), w.processCpu())
                .add("machine", Chart.Kind.LINE, "#90a4ae", w.time(), w.machineCpu()).render(out);
        poolChart(out, "Thread pool queues", from, to, w.time(), w.poolQueues());
        out.raw("</div>");
        if (h.end().length < 2) return;
        long runFrom = h.end()[0], runTo = h.end()[h.end().length - 1];
        out.raw("<h3>Across the run <span class=\"muted\">(").text(h.end().length).raw(" periods, one point each at its end)</span></h3><div class=\"charts\">");
        Chart runHeap = new Chart(heapTitle("Heap at each period's end, and its lowest after GC", h.heapMax()), Chart.Unit.BYTES, runFrom, runTo)
                .add("used", Chart.Kind.LINE, "#1565c0", h.end(), h.heapUsed())
                .add("after GC", Chart.Kind.LINE, "#c62828", h.end(), h.heapAfterGc());
        addMax(runHeap, h.heapMax(), runTo, h.heapUsed());
        runHeap.render(out);
        new Chart("GC pause time per period", Chart.Unit.MILLIS, runFrom, runTo).add("paused", Chart.Kind.BARS, "#b26a00", h.end(), h.gcPauseMs()).render(out);
        new Chart("Live threads", Chart.Unit.COUNT, runFrom, runTo).add("threads", Chart.Kind.LINE, "#2e7d32", h.end(), h.threads()).render(out);
        new Chart("CPU (share of all cores)", Chart.Unit.PERCENT, runFrom, runTo)
                .add("process", Chart.Kind.LINE, "#6a1b9a", h.end(), h.processCpu())
                .add("machine", Chart.Kind.LINE, "#90a4ae", h.end(), h.machineCpu()).render(out);
        poolChart(out, "Thread pool queues at each period's end", runFrom, runTo, h.end(), h.poolQueues());
        out.raw("</div>");
    }

    /** One line per pool; drawn only when some pool had a queue (an idle common pool is not worth a chart). */
    private static void poolChart(Html out, String title, long from, long to, long[] time, Map<String, double[]> queues) {
        if (queues.values().stream().allMatch(q -> max(q) == 0)) return;
        Chart pools = new Chart(title, Chart.Unit.COUNT, from, to);
        int i = 0;
        for (Map.Entry<String, double[]> e : queues.entrySet()) pools.add(e.getKey(), Chart.Kind.LINE, PALETTE[i++ % PALETTE.length], time, e.getValue());
        pools.render(out);
    }
}
