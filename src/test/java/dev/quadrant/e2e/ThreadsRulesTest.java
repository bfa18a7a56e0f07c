package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quadrant.e2e.scenarios.AccountLedgerLockScenario;
import dev.quadrant.e2e.scenarios.CheckoutPoolSaturationScenario;
import dev.quadrant.e2e.scenarios.ClientWatcherThreadLeakScenario;
import dev.quadrant.e2e.scenarios.ImageResizeQueueScenario;
import dev.quadrant.e2e.scenarios.InventoryMonitorDeadlockScenario;
import dev.quadrant.e2e.scenarios.LedgerSettlementScenario;
import dev.quadrant.e2e.scenarios.LostReplyScenario;
import dev.quadrant.e2e.scenarios.MetricsShipperDiscardScenario;
import dev.quadrant.e2e.scenarios.NotificationRejectionScenario;
import dev.quadrant.e2e.scenarios.PriceCacheRefreshScenario;
import dev.quadrant.e2e.scenarios.ReportExportExecutorLeakScenario;
import dev.quadrant.e2e.scenarios.ReportPoolStarvationScenario;
import dev.quadrant.e2e.scenarios.TenantConfigPinningScenario;
import dev.quadrant.e2e.scenarios.TransferDeadlockScenario;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The THREADS rules on workloads that have each problem; pools, j.u.c. locks and thread starts are woven. */
@Tag("e2e")
class ThreadsRulesTest {
    static final Duration DETECTION = Duration.ofSeconds(50);

    @Test void executorCreatedPerRequestLeaksThreads() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(ReportExportExecutorLeakScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("threads.leak", DETECTION).finding();
            assertThat(f.at("/evidence/groups/0/name").asText()).isEqualTo("pool-N-thread-N");
            assertThat(f.at("/evidence/groups/0/startedAt").asText()).contains("ReportExportExecutorLeakScenario.export");
            assertThat(f.at("/evidence/trend/slopePerMinute").asLong()).isGreaterThan(200);
        }
    }

    @Test void watcherThreadPerSessionLeaks() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(ClientWatcherThreadLeakScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("threads.leak", DETECTION).finding();
            assertThat(f.at("/evidence/groups/0/name").asText()).isEqualTo("session-watcher-N");
            assertThat(f.at("/evidence/groups/0/startedAt").asText()).contains("ClientWatcherThreadLeakScenario.onConnect");
            assertThat(f.get("title").asText()).contains("session-watcher-N");
        }
    }

    @Test void checkoutPoolSaturatedByASlowGateway() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(CheckoutPoolSaturationScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("threads.pool-saturation", DETECTION).finding();
            assertThat(f.at("/evidence/pool/pool").asText()).isEqualTo("checkout-N");
            assertThat(f.at("/evidence/pool/createdAt").asText()).contains("CheckoutPoolSaturationScenario.main");
            assertThat(f.at("/evidence/pool/active").asInt()).isEqualTo(4);
            assertThat(f.at("/evidence/queueWaitMs").asLong()).isGreaterThanOrEqualTo(250);
            assertThat(f.get("recommendation").asText()).contains("maximumPoolSize 32 is never reached");
        }
    }

    @Test void settlersFedOneSharedRunnableFallBehind() throws Exception {
        // timed by task identity, every start matched the shared Runnable at the queue's head: waits read ~10 ms
        try (TargetJvm jvm = TargetJvm.launch(LedgerSettlementScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("threads.pool-saturation", DETECTION, n -> n.get("severity").asText().equals("CRITICAL"), "(critical)").finding();
            assertThat(f.at("/evidence/pool/pool").asText()).isEqualTo("ledger-settler");
            assertThat(f.at("/evidence/pool/queueWaitEstimated").asText()).contains("shared object");
            assertThat(f.at("/evidence/queueWaitMs").asLong()).isGreaterThanOrEqualTo(2000);
        }
    }

    @Test void singleThreadResizerFallsBehind() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(ImageResizeQueueScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("threads.pool-saturation", DETECTION).finding();
            assertThat(f.at("/evidence/pool/pool").asText()).isEqualTo("resizer");
            assertThat(f.at("/evidence/pool/queueCapacity").asInt()).isEqualTo(10_000);
            assertThat(f.at("/evidence/pool/meanRunMs").asDouble()).isBetween(25.0, 120.0);
        }
    }

    @Test void notificationBurstsRejected() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(NotificationRejectionScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("threads.pool-rejection", DETECTION).finding();
            assertThat(f.at("/evidence/pool/pool").asText()).isEqualTo("notify-N");
            assertThat(f.at("/evidence/pool/rejectionPolicy").asText()).endsWith("AbortPolicy");
            assertThat(f.at("/evidence/submittedAt").asText()).contains("NotificationRejectionScenario.sendBatch");
            assertThat(f.get("title").asText()).contains("RejectedExecutionException");
        }
    }

    @Test void metricsSilentlyDiscarded() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(MetricsShipperDiscardScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("threads.pool-rejection", DETECTION).finding();
            assertThat(f.get("severity").asText()).isEqualTo("CRITICAL");
            assertThat(f.at("/evidence/pool/rejectionPolicy").asText()).endsWith("DiscardOldestPolicy");
            assertThat(f.get("title").asText()).contains("silently lost");
        }
    }

    @Test void ledgerReentrantLockHeldDuringAuditWrite() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(AccountLedgerLockScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("threads.lock-contention", DETECTION,
                    n -> n.at("/evidence/kind").asText().equals("lock"), "for the ReentrantLock").finding();
            assertThat(f.at("/evidence/lock").asText()).startsWith("java.util.concurrent.locks.ReentrantLock@");
            assertThat(f.at("/evidence/site").asText()).contains("AccountLedgerLockScenario.post");
            assertThat(f.at("/evidence/waitingThreadCount").asInt()).isGreaterThanOrEqualTo(4);
            // the holder's stack, taken while it held the lock: it writes the audit line
            jvm.awaitWarning("threads.lock-contention", DETECTION,
                    n -> n.at("/evidence/ownerStack").toString().contains("AccountLedgerLockScenario.writeAudit"), "with the holder's stack");
        }
    }

    @Test void readersBlockedByARefreshHoldingTheWriteLock() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(PriceCacheRefreshScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("threads.lock-contention", DETECTION).finding();
            assertThat(f.at("/evidence/lock").asText()).startsWith("java.util.concurrent.locks.ReentrantReadWriteLock@");
            assertThat(f.at("/evidence/site").asText()).contains("PriceCacheRefreshScenario.price");
        }
    }

    @Test void transfersDeadlockOnReentrantLocks() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(TransferDeadlockScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("threads.deadlock", DETECTION).finding();
            assertThat(f.get("severity").asText()).isEqualTo("CRITICAL");
            assertThat(f.at("/evidence/threads").size()).isEqualTo(2);
            assertThat(f.at("/evidence/threads").toString()).contains("transfer-1", "transfer-2", "ReentrantLock");
            assertThat(f.at("/evidence/threads/0/at").asText()).contains("TransferDeadlockScenario.transfer");
        }
    }

    @Test void inventoryDeadlocksOnMonitors() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(InventoryMonitorDeadlockScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("threads.deadlock", DETECTION).finding();
            assertThat(f.at("/evidence/threads").toString()).contains("reservations", "restocker");
            assertThat(f.get("detail").asText()).contains("held by");
        }
    }

    @Test void reportPoolStarvesWaitingOnItsOwnTasks() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(ReportPoolStarvationScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("threads.untimed-wait", DETECTION).finding();
            assertThat(f.at("/evidence/wait").asText()).isEqualTo("Future.get()");
            assertThat(f.at("/evidence/site").asText()).contains("ReportPoolStarvationScenario.buildReport");
            assertThat(f.at("/evidence/threadsWaiting").asInt()).isEqualTo(4);
        }
    }

    @Test void handlersStuckOnLostReplies() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(LostReplyScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("threads.untimed-wait", DETECTION).finding();
            assertThat(f.at("/evidence/wait").asText()).isEqualTo("CompletableFuture.join()");
            assertThat(f.at("/evidence/site").asText()).contains("LostReplyScenario.quote");
            assertThat(f.get("recommendation").asText()).contains("orTimeout");
        }
    }

    @Test void virtualThreadsPinnedInAClassInitializerOnTheNewestJdk() throws Exception {
        assumeTrue(Files.isExecutable(NewestJdkTest.JDK.resolve("bin/java")), "no JDK at " + NewestJdkTest.JDK);
        try (TargetJvm jvm = TargetJvm.launchOn(NewestJdkTest.JDK, TenantConfigPinningScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("threads.virtual-pinning", DETECTION).finding();
            assertThat(f.at("/evidence/pinnedBlocks").asLong()).isGreaterThanOrEqualTo(5);
            assertThat(f.get("stack").toString()).contains("TenantConfigPinningScenario");
        }
    }
}
