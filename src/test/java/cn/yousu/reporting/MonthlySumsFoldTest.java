package cn.yousu.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly sums take changes as appended rows and fold them in later: whatever the interleaving of cases changing
 * and nodes folding, every change is counted exactly once.
 */
class MonthlySumsFoldTest extends ApiTest {

    @Autowired
    MonthlySums sums;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    /** A region and month of their own, so that no other test's cases mix in. */
    private static MonthlySums.Fact registered(String region, boolean decidedInTime) {
        Instant at = Instant.parse("2031-07-15T01:00:00Z");
        return new MonthlySums.Fact(region, null, null, "HOTLINE", "REGISTERED", at, at.plusSeconds(86_400),
                decidedInTime ? at.plusSeconds(60) : null, null, null, null, null, null, 0, 0, 0, 0);
    }

    @Test
    void changesAppendedWhileTwoNodesFoldAreEachCountedOnce() throws Exception {
        String region = "FOLD-TEST";
        int writers = 4;
        int perWriter = 150;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        // a registration, and half of them decided in time afterwards
                        boolean decide = i % 2 == 0;
                        transaction.executeWithoutResult(s -> {
                            sums.replace(null, registered(region, false));
                            if (decide) {
                                sums.replace(registered(region, false), registered(region, true));
                            }
                        });
                    }
                }));
            }
            List<Future<Integer>> folds = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                folds.add(pool.submit(() -> {
                    int folded = 0;
                    for (int i = 0; i < 30; i++) {
                        folded += sums.fold();
                    }
                    return folded;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            for (Future<Integer> f : folds) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        sums.fold();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_month_delta WHERE region_code = ?").param(region)
                .query(Long.class).single()).isZero();
        List<long[]> rows = jdbc.sql("""
                SELECT SUM(cases) AS c, SUM(n1) AS n1 FROM report_month
                WHERE region_code = ? AND anchor = 'REGISTERED' AND yyyymm = 203107""").param(region)
                .query((rs, i) -> new long[] {rs.getLong("c"), rs.getLong("n1")}).list();
        assertThat(rows.get(0)).containsExactly(writers * perWriter, writers * perWriter / 2);
    }

    @Test
    void aFoldWithNothingAppendedChangesNothing() {
        sums.fold();
        long before = jdbc.sql("SELECT COALESCE(SUM(cases), 0) FROM report_month").query(Long.class).single();
        assertThat(sums.fold()).isZero();
        assertThat(jdbc.sql("SELECT COALESCE(SUM(cases), 0) FROM report_month").query(Long.class).single())
                .isEqualTo(before);
    }
}
