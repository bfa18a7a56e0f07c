package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quadrant.e2e.servers.JettyCatalogService;
import dev.quadrant.e2e.servers.NettyCatalogService;
import dev.quadrant.e2e.servers.TomcatCatalogService;
import dev.quadrant.e2e.servers.UndertowCatalogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real servers under light load, start-up included: no WARNING or CRITICAL in any report, and each exits by itself. */
@Tag("e2e")
@Isolated  // needs the machine to itself: see junit-platform.properties
class RealServerHealthTest {
    static final String HEALTHY_SECONDS = "14";                  // start-up and 6 more windows of 2 s
    static final Duration HEALTHY_RUN = Duration.ofSeconds(35);  // start-up and the final report on top

    /** Each server under light load for 14 s of 2 s windows: no alarm in any report, and the service ends on time by itself. */
    @ParameterizedTest
    @ValueSource(classes = {TomcatCatalogService.class, JettyCatalogService.class, UndertowCatalogService.class, NettyCatalogService.class})
    void healthyServerUnderLightLoad(Class<?> service) throws Exception {
        healthyOn(Path.of(System.getProperty("java.home")), service);
    }

    @ParameterizedTest
    @ValueSource(classes = {TomcatCatalogService.class, JettyCatalogService.class})
    void healthyServerUnderLightLoadOnTheNewestJdk(Class<?> service) throws Exception {
        assumeTrue(Files.isExecutable(NewestJdkTest.JDK.resolve("bin/java")), "no JDK at " + NewestJdkTest.JDK);
        healthyOn(NewestJdkTest.JDK, service);
    }

    private static void healthyOn(Path jdk, Class<?> service) throws Exception {
        try (TargetJvm jvm = new TargetJvm.Launch(service).on(jdk).agent("interval=2s").jvmArgs("-Xmx256m").args(HEALTHY_SECONDS).start()) {
            assertThat(jvm.awaitExit(HEALTHY_RUN)).as(jvm.describe()).isZero();
            // the callers were answered, none timed out or failed
            assertThat(RealServersTest.slowest(jvm.stdout(), "storefront")).as(jvm.stdout()).isPositive();
            assertThat(RealServersTest.count(jvm.stdout(), " [1-9]\\d* (timed out|failed)")).as(jvm.stdout()).isZero();
            HealthyServiceTest.assertHealthy(jvm.reports());
        }
    }
}
