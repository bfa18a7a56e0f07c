package dev.quadrant.reports;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.List;

/** Some outputs of a report could not be written; the others were. The cause is the first failure, the rest are suppressed. */
public final class ReportOutputException extends IOException {
    private final List<String> failed;

    ReportOutputException(List<String> failed, List<Throwable> causes) {
        super(String.join(", ", failed) + " not written: " + reason(causes.get(0)), causes.get(0));
        this.failed = List.copyOf(failed);
        for (Throwable t : causes.subList(1, causes.size())) addSuppressed(t);
    }

    /** The names of the outputs (and "rotation") that failed, in the order they ran. */
    public List<String> failed() { return failed; }

    /** Why a write failed, for people: a full disk's reason reads better than the temp file's path FileSystemException puts first. */
    public static String reason(Throwable t) {
        if (t instanceof FileSystemException fse && fse.getReason() != null) return fse.getReason();
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
