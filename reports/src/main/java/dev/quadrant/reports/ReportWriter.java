package dev.quadrant.reports;

import dev.quadrant.core.Report;
import dev.quadrant.core.RuleCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes each report through its outputs: {@code report-NNNN.json} and {@code latest.json}, then {@code report-NNNN.html}
 * and {@code latest.html}, then any extra output, then {@code index.html}. Files are replaced atomically (temp file, then
 * rename, so a reader never sees half a file), and the oldest reports past {@code keep} are deleted. Numbering continues
 * after the reports already in the folder, so an earlier run's are not overwritten. Not thread-safe: the agent writes
 * from one thread.
 */
public final class ReportWriter {
    static final Pattern REPORT_FILE = Pattern.compile("report-(\\d{4,})\\.(json|html)");

    private final Path dir;
    private final int keep;
    private final List<IndexPage.Entry> entries = new ArrayList<>();
    private final List<ReportOutput> outputs;
    private final ReportOutput index = new IndexOutput(Collections.unmodifiableList(entries));
    private int lastSequence;

    /** {@code extra} outputs run after the JSON and the page, before the index. */
    public ReportWriter(Path dir, int keep, ReportOutput... extra) throws IOException {
        this(dir, keep, Stream.concat(Stream.of(new JsonOutput(), new HtmlOutput()), Stream.of(extra)).toList());
    }

    /** For tests: {@code outputs} instead of the JSON and the page. */
    ReportWriter(Path dir, int keep, List<ReportOutput> outputs) throws IOException {
        if (keep < 1) throw new IllegalArgumentException("keep must be at least 1");
        this.dir = dir;
        this.keep = keep;
        this.outputs = List.copyOf(outputs);
        Files.createDirectories(dir);
        deleteLeftoverTempFiles();
        this.lastSequence = existingReports().isEmpty() ? 0 : existingReports().lastKey();
        writeAtomically(dir.resolve(Report.CATALOGUE_PAGE), RulesPage.render(RuleCatalog.all()));
    }

    /** A JVM that ended while a report was being written (a halt, a kill) leaves its temp file: never a report, so gone. */
    private void deleteLeftoverTempFiles() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : files) Files.deleteIfExists(p);
        }
    }

    /**
     * Creates the folder again if someone deleted it while the agent ran (a clean-up job, an operator), with its rules
     * page; returns whether it had to.
     */
    public boolean recreateIfDeleted() throws IOException {
        if (Files.isDirectory(dir)) return false;
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(Report.CATALOGUE_PAGE), RulesPage.render(RuleCatalog.all()));
        return true;
    }

    public int nextSequence() { return lastSequence + 1; }

    public Path dir() { return dir; }

    /** Writes the report and returns the path of its HTML page. */
    public Path write(Report report) throws IOException { return write(report, true); }

    /**
     * As above; without {@code page} the HTML page has only the verdicts and findings (what the agent draws while the
     * host is in trouble). An output that fails is skipped and the others still write: the JSON goes first, as the
     * machine contract, so a page that cannot be drawn never costs it. Once any output wrote, the number is spent (as
     * the constructor counts it on a restart), the report joins the index and old ones are rotated out; when none did,
     * the folder is left as it was and the next report takes the same number.
     *
     * @throws ReportOutputException naming each output that failed, after the others were written
     */
    public Path write(Report report, boolean page) throws IOException {
        if (STALL_MILLIS > 0) stall();
        ReportOutput.Target target = new ReportOutput.Target(dir, String.format("report-%04d", report.sequence()), page);
        List<String> failed = new ArrayList<>();
        List<Throwable> causes = new ArrayList<>();
        boolean wrote = false;
        for (ReportOutput output : outputs) wrote |= attempt(output.name(), () -> output.write(report, target), failed, causes);
        if (wrote) {
            lastSequence = Math.max(lastSequence, report.sequence());
            entries.add(IndexPage.Entry.of(report));
            attempt("rotation", this::rotate, failed, causes);
            attempt(index.name(), () -> index.write(report, target), failed, causes);
        }
        if (!failed.isEmpty()) throw new ReportOutputException(failed, causes);
        return target.file(".html");
    }

    private interface Step { void run() throws IOException; }

    /** One output's boundary: whatever it throws is kept for the caller, never thrown past the others. */
    private static boolean attempt(String what, Step step, List<String> failed, List<Throwable> causes) {
        try {
            step.run();
            return true;
        } catch (Throwable t) {
            failed.add(what);
            causes.add(t);
            return false;
        }
    }

    private void rotate() throws IOException {
        TreeMap<Integer, List<Path>> reports = existingReports();
        while (reports.size() > keep) {
            for (Path p : reports.pollFirstEntry().getValue()) Files.deleteIfExists(p);
        }
        int oldestKept = reports.isEmpty() ? Integer.MAX_VALUE : reports.firstKey();
        entries.removeIf(e -> e.sequence() < oldestKept);
    }

    private TreeMap<Integer, List<Path>> existingReports() throws IOException {
        TreeMap<Integer, List<Path>> found = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "report-*")) {
            for (Path p : files) {
                Matcher m = REPORT_FILE.matcher(p.getFileName().toString());
                if (m.matches()) found.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>()).add(p);
            }
        }
        return found;
    }

    private static void stall() throws IOException {
        try {
            Thread.sleep(STALL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("stalled write interrupted");
        }
    }

    /** For the host-safety tests only: each report's write stalls this long, as on a hung network disk. Never set in production. */
    static final String STALL_PROPERTY = "quadrant.test.stallWritesMs";
    private static final long STALL_MILLIS = stallMillis();

    private static long stallMillis() {
        try {
            return Long.getLong(STALL_PROPERTY, 0);
        } catch (SecurityException e) {
            return 0;
        }
    }

    static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
