package dev.quadrant.core;

import dev.quadrant.core.evidence.FileIo;
import dev.quadrant.core.evidence.HostLookups;
import dev.quadrant.core.evidence.IoEvidence;
import dev.quadrant.core.evidence.Latencies;
import dev.quadrant.core.evidence.OpenFileSite;
import dev.quadrant.core.evidence.SocketEndpoint;
import dev.quadrant.core.evidence.TinyIo;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates one window's IO evidence: slow socket reads and writes by peer and slow file operations by path (JFR), small
 * file calls, host look-ups and open-file sites (woven), and the open descriptors by kind when asked for.
 */
public final class IoEvidenceBuilder {
    static final int MAX_ENDPOINTS = 256;      // distinct remote host:port
    static final int MAX_FILES = 256;          // distinct paths with slow file I/O
    public static final int MAX_TINY_IO_SITES = 256;
    public static final int MAX_HOSTS = 256;
    static final int TOP_SITES = 10;           // open-file sites and descriptor kinds

    private final Intake intake;
    private final CappedTable<String, SocketCalls> sockets;
    private final CappedTable<String, FileCalls> files;
    private long tinyReads, tinyWrites, tinyBytes;
    private final CappedList<TinyIo.Site> tinySites;
    private final CappedList<HostLookups> hosts;
    private final CappedList<OpenFileSite> openFiles;
    private final Map<String, Long> descriptorKinds = new HashMap<>();

    IoEvidenceBuilder(Intake intake) {
        this.intake = intake;
        sockets = new CappedTable<>(MAX_ENDPOINTS, intake);
        files = new CappedTable<>(MAX_FILES, intake);
        tinySites = new CappedList<>(MAX_TINY_IO_SITES, intake);
        hosts = new CappedList<>(MAX_HOSTS, intake);
        openFiles = new CappedList<>(TOP_SITES, intake);
    }

    public synchronized void socketRead(String peer, Duration took, long bytes, long timeoutMillis, String thread, List<String> stack) {
        if (!intake.accept()) return;
        SocketCalls calls = sockets.row(Names.cap(peer), k -> new SocketCalls());
        if (calls != null) calls.read(took.toNanos(), bytes, timeoutMillis, thread, stack);
    }

    public synchronized void socketWrite(String peer, Duration took, long bytes, String thread, List<String> stack) {
        if (!intake.accept()) return;
        SocketCalls calls = sockets.row(Names.cap(peer), k -> new SocketCalls());
        if (calls != null) calls.write(took.toNanos(), bytes, thread, stack);
    }

    /** A slow file operation: {@code operation} is read, write or force (fsync). */
    public synchronized void fileIo(String path, String operation, Duration took, long bytes, String thread, List<String> stack) {
        if (!intake.accept()) return;
        FileCalls calls = files.row(Names.cap(path), k -> new FileCalls());
        if (calls != null) calls.add(operation, took.toNanos(), bytes, thread, stack);
    }

    /** The window's small file read and write calls (each at most 128 bytes). */
    public synchronized void tinyFileCalls(long reads, long writes, long bytes) {
        if (!intake.accept()) return;
        tinyReads += reads;
        tinyWrites += writes;
        tinyBytes += bytes;
    }

    public synchronized void tinyFileSite(TinyIo.Site site) {
        if (intake.accept()) tinySites.add(site);
    }

    public synchronized void openFileSite(OpenFileSite site) {
        if (intake.accept()) openFiles.add(site);
    }

    /** What the process's open descriptors point to, by kind (a directory, "socket", "pipe"), and how many. */
    public synchronized void descriptorKinds(Map<String, Long> kinds) {
        if (!intake.accept()) return;
        kinds.forEach((k, n) -> { if (descriptorKinds.size() < TOP_SITES || descriptorKinds.containsKey(k)) descriptorKinds.merge(k, n, Long::sum); });
    }

    public synchronized void hostLookups(HostLookups lookups) {
        if (intake.accept()) hosts.add(lookups);
    }

    synchronized IoEvidence build() {
        List<SocketEndpoint> endpoints = sockets.entries().stream().map(e -> e.getValue().toEndpoint(e.getKey()))
                .sorted(Comparator.comparing(SocketEndpoint::totalTime).reversed()).toList();
        List<FileIo> fileIo = files.entries().stream().map(e -> e.getValue().toFileIo(e.getKey()))
                .sorted(Comparator.comparing(FileIo::totalTime).reversed()).toList();
        TinyIo tiny = new TinyIo(tinyReads, tinyWrites, tinyBytes, tinySites.sorted(Comparator.comparingLong(TinyIo.Site::calls).reversed()));
        return new IoEvidence(endpoints, fileIo, tiny, hosts.sorted(Comparator.comparing(HostLookups::resolvedTime).reversed()),
                openFiles.sorted(Comparator.comparingLong(OpenFileSite::open).reversed()), Map.copyOf(descriptorKinds));
    }

    /** How many calls of one direction, their bytes, total and longest time. */
    private static final class Direction {
        long calls, bytes, nanos, longestNanos;

        void add(long callNanos, long callBytes) {
            calls++;
            bytes += Math.max(0, callBytes);
            nanos += callNanos;
            longestNanos = Math.max(longestNanos, callNanos);
        }
    }

    private static final class SocketCalls {
        final Direction reads = new Direction(), writes = new Direction();
        long untimed;
        final Slowest untimedRead = new Slowest();
        final Slowest slowest = new Slowest();  // of reads and writes
        final Latencies latencies = new Latencies();

        void read(long nanos, long bytes, long timeoutMillis, String thread, List<String> stack) {
            reads.add(nanos, bytes);
            both(nanos, thread, stack);
            if (timeoutMillis == 0) {
                untimed++;
                untimedRead.offer(nanos, thread, stack);
            }
        }

        void write(long nanos, long bytes, String thread, List<String> stack) {
            writes.add(nanos, bytes);
            both(nanos, thread, stack);
        }

        private void both(long nanos, String thread, List<String> stack) {
            latencies.add(nanos);
            slowest.offer(nanos, thread, stack);
        }

        SocketEndpoint toEndpoint(String peer) {
            return new SocketEndpoint(peer, reads.calls, reads.bytes, Duration.ofNanos(reads.nanos), Duration.ofNanos(reads.longestNanos),
                    untimed, untimedRead.duration(), untimedRead.thread(), untimedRead.stack(), writes.calls, writes.bytes,
                    Duration.ofNanos(writes.nanos), Duration.ofNanos(writes.longestNanos), slowest.thread(), slowest.stack(), latencies.counts());
        }
    }

    private static final class FileCalls {
        long reads, writes, forces, bytes, totalNanos;
        final Slowest slowest = new Slowest();  // its detail: the operation
        final Latencies latencies = new Latencies();

        void add(String operation, long nanos, long opBytes, String thread, List<String> stack) {
            switch (operation) {
                case "read" -> reads++;
                case "write" -> writes++;
                default -> forces++;
            }
            bytes += Math.max(0, opBytes);
            totalNanos += nanos;
            latencies.add(nanos);
            slowest.offer(nanos, thread, stack, operation);
        }

        FileIo toFileIo(String path) {
            return new FileIo(path, reads, writes, forces, bytes, Duration.ofNanos(totalNanos), slowest.duration(),
                    slowest.detail(), slowest.thread(), slowest.stack(), latencies.counts());
        }
    }
}
