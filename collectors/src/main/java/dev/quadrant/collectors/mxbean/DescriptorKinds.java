package dev.quadrant.collectors.mxbean;

import dev.quadrant.collectors.Collector;
import dev.quadrant.core.EvidenceRequest;
import dev.quadrant.core.WindowBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the open descriptors point to, from /proc/self/fd (Linux): sockets, pipes, or files grouped by directory. Read
 * only when asked, while descriptors leak (a readlink per descriptor: a few milliseconds for thousands).
 */
public final class DescriptorKinds implements Collector {
    static final Path FDS = Path.of("/proc/self/fd");
    static final int MAX_READ = 100_000;
    static final int TOP = 10;  // the kinds with the most descriptors
    private boolean wanted;

    @Override public String name() { return "descriptor kinds"; }

    @Override public void requested(Set<EvidenceRequest> requests) { wanted = requests.contains(EvidenceRequest.DESCRIPTOR_KINDS); }

    @Override public void sample(WindowBuilder window, Tick tick) {
        if (!wanted) return;
        try {
            sample(window);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void sample(WindowBuilder window) throws IOException {
        if (!Files.isDirectory(FDS)) return;
        Map<String, Long> kinds = new HashMap<>();
        int read = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(FDS)) {
            for (Path fd : fds) {
                if (++read > MAX_READ) break;
                try {
                    kinds.merge(kind(Files.readSymbolicLink(fd).toString()), 1L, Long::sum);
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed while listing
                }
            }
        }
        Map<String, Long> top = new HashMap<>();
        kinds.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        window.io().descriptorKinds(top);
    }

    /** "socket:[123]" reads as socket, "/data/in/a.pdf" as its folder "/data/in/". */
    static String kind(String target) {
        if (target.startsWith("anon_inode:")) return target;  // [eventpoll], [eventfd]: the kind is in the brackets
        int bracket = target.indexOf(":[");
        if (bracket > 0) return target.substring(0, bracket);
        int slash = target.lastIndexOf('/');
        return slash > 0 ? target.substring(0, slash + 1) : target;
    }
}
