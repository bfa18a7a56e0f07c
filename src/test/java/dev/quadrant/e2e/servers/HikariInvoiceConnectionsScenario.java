package dev.quadrant.e2e.servers;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.quadrant.e2e.scenarios.Scenario;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * An invoicing service with 16 request threads shares a HikariCP pool of 2 connections to its database (H2 in memory);
 * each request holds its connection ~300 ms (the query, then rendering the invoice inside the transaction), so ~14
 * threads wait in getConnection(), about 2 s each.
 */
public final class HikariInvoiceConnectionsScenario {
    static final AtomicLong WAITED_MS = new AtomicLong(), SERVED = new AtomicLong();
    static final LongAccumulator LONGEST_WAIT_MS = new LongAccumulator(Math::max, 0);

    static void invoice(HikariDataSource db, long id) throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement("select total from invoices where id = ?")) {
            long waitedMs = (System.nanoTime() - t0) / 1_000_000;
            WAITED_MS.addAndGet(waitedMs);
            LONGEST_WAIT_MS.accumulate(waitedMs);
            q.setLong(1, id % 100);
            try (ResultSet r = q.executeQuery()) {
                r.next();
            }
            Scenario.sleep(300);  // renders the invoice while the transaction is open
            SERVED.incrementAndGet();
        }
    }

    public static void main(String[] args) throws SQLException {
        Workload.logAtInfo();
        long start = System.nanoTime();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:invoices;DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(10_000);
        HikariDataSource db = new HikariDataSource(config);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table invoices(id bigint primary key, total decimal(10,2))");
            s.execute("insert into invoices select x, x * 1.5 from system_range(0, 99)");
        }
        AtomicLong ids = new AtomicLong();
        for (int i = 1; i <= 16; i++) {
            Scenario.daemon("invoice-request-" + i, () -> {
                while (Scenario.running(start)) {
                    try {
                        invoice(db, ids.incrementAndGet());
                    } catch (SQLException e) {
                        System.out.println("request failed: " + e);
                    }
                }
            });
        }
        HikariPoolMXBean pool = db.getHikariPoolMXBean();
        Scenario.daemon("pool-summary", () -> {
            while (Scenario.running(start)) {
                Scenario.sleep(2000);
                long served = SERVED.get();
                System.out.println("invoices: " + served + " served, mean wait for a connection " + (served == 0 ? 0 : WAITED_MS.get() / served)
                        + " ms, longest " + LONGEST_WAIT_MS.getThenReset() + " ms; pool active " + pool.getActiveConnections() + "/"
                        + pool.getTotalConnections() + ", " + pool.getThreadsAwaitingConnection() + " threads awaiting");
            }
        });
        Scenario.runFor(Workload.lifetime(args, Duration.ofSeconds(60)));
    }
}
