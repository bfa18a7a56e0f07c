package dev.quadrant.core.memory;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Growth;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Trend;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.JvmSample;
import java.util.Optional;

/**
 * Loaded classes keep growing: code that defines classes per request (scripts compiled again and again, proxies,
 * serializers generated per call) or class loaders that are never released (redeploys). Metaspace grows with them.
 */
public final class MetaspaceLeakRule implements Rule {
    static final long MIN_CLASS_GROWTH = 1_000;        // a young JVM keeps loading a few hundred classes lazily (JIT, JFR, rare paths)
    static final double WARN_CLASSES_PER_HOUR = 5_000; // a redeploy's worth of classes every hour or two
    static final double CRITICAL_CLASSES_PER_HOUR = 50_000;

    static final RuleInfo INFO = new RuleInfo("Loaded classes keep growing",
            "The number of loaded classes rises steadily after start-up: classes generated per call (script engines, proxies,"
                    + " reflection-based serializers) or class loaders kept alive after a redeploy. Metaspace grows until"
                    + " OutOfMemoryError: Metaspace or the container's memory limit.",
            "At least 5 windows over 20 s, r² >= 0.6, not slowing down (warm-up slows down and stops), at least 1,000 more classes;"
                    + " 5,000 classes/h warning, 50,000/h critical, or by time until -XX:MaxMetaspaceSize when one is set.",
            "Cache what generates classes (compiled scripts, JAXBContext, proxies) instead of creating it per call; close class"
                    + " loaders and remove what references them (thread-locals, static registries, JDBC drivers) on redeploy.",
            "jcmd <pid> VM.classloader_stats (loaders and their class counts); jcmd <pid> GC.class_histogram; -Xlog:class+load");

    @Override public String id() { return "memory.metaspace-leak"; }
    @Override public Dimension dimension() { return Dimension.MEMORY; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        Trend classes = Trend.of(window.series(), JvmSample::loadedClasses);
        if (!Growth.steady(classes) || classes.growth() < MIN_CLASS_GROWTH) return Optional.empty();
        Trend metaspace = Trend.of(window.series(), JvmSample::metaspaceUsedBytes);
        long max = window.jvm().metaspaceMaxBytes();
        double perHour = classes.slopePerSecond() * 3600;
        double secondsLeft = max > 0 ? metaspace.secondsUntil(max) : Double.POSITIVE_INFINITY;
        int score = Math.max(Score.of(perHour, WARN_CLASSES_PER_HOUR, CRITICAL_CLASSES_PER_HOUR), Growth.scoreByTimeLeft(secondsLeft));
        return Optional.of(Finding.of(this, Math.max(1, score))
                .title("Loaded classes grow by " + Math.round(perHour) + "/h to " + Math.round(classes.last())
                        + (metaspace.points() > 0 ? " (metaspace " + Units.bytes(metaspace.last()) + ")" : ""))
                .detail("Loaded classes rose from " + Math.round(classes.first()) + " to " + Math.round(classes.last()) + " over " + classes.points()
                        + " windows (" + Math.round(classes.spanSeconds()) + " s, r² " + Units.decimal(classes.r2()) + "); warning at "
                        + (int) WARN_CLASSES_PER_HOUR + "/h, critical at " + (int) CRITICAL_CLASSES_PER_HOUR + "/h"
                        + (max > 0 ? "; metaspace limit " + Units.bytes(max) + " reached " + Growth.timeLeft(secondsLeft) : "; metaspace has no limit set") + ".")
                .evidence("trend", Growth.evidence(classes))
                .evidence("classesPerHour", Math.round(perHour))
                .evidence("metaspaceUsedBytes", metaspace.points() > 0 ? Math.round(metaspace.last()) : null)
                .evidence("metaspaceGrowthPerMinute", metaspace.points() > 1 ? Math.round(metaspace.slopePerSecond() * 60) : null)
                .evidence("metaspaceMaxBytes", max > 0 ? max : null)
                .evidence("unloadedClassesInWindow", window.jvm().unloadedClasses() >= 0 ? window.jvm().unloadedClasses() : null)
                .recommendation("Find the loaders that own the new classes (VM.classloader_stats): cache generated classes (compiled scripts,"
                        + " JAXBContext, proxies, serializers) instead of creating them per call, and release old loaders on redeploy.")
                .verify("jcmd " + window.pid() + " VM.classloader_stats (twice, minutes apart); jcmd " + window.pid()
                        + " VM.metaspace; start with -Xlog:class+load to see which classes keep coming")
                .build());
    }
}
