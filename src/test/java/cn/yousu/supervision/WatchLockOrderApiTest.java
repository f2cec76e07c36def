package cn.yousu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The watch takes a case before its clocks, as every case action does (the case row, then its clocks): while an
 * officer's action holds a case, the watch's pass waits for it without taking the case's clock, so the two never
 * deadlock (which PostgreSQL would break after a second by failing one of them, the officer's perhaps).
 */
class WatchLockOrderApiTest extends ApiTest {

    @Autowired
    DeadlineWatch watch;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void theWatchWaitsForAnActionHoldingTheCaseBeforeTakingItsClock() throws Exception {
        clock.set("2026-11-02T09:00:00+08:00");
        Cases.Registered r = cases.register(); // acceptance due the next working day: yellow from the start
        long caseId = jdbc.sql("SELECT id FROM case_file WHERE number = ?").param(r.number()).query(Long.class).single();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // an officer's action has written the case (its row is locked until the action commits)
            Future<?> officer = pool.submit(() -> transaction.executeWithoutResult(s -> {
                jdbc.sql("UPDATE case_file SET version = version WHERE id = ?").param(caseId).update();
                holding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            Future<DeadlineWatch.Pass> pass = pool.submit(watch::pass);
            Thread.sleep(500); // time enough for the pass to reach the case

            // the case's clock is free: the officer's action could go on to stop it
            List<Long> clock = transaction.execute(s -> jdbc.sql(
                    "SELECT case_id FROM deadline_clock WHERE case_id = ? AND clock = 'ACCEPTANCE' FOR UPDATE NOWAIT")
                    .param(caseId).query(Long.class).list());
            assertThat(clock).containsExactly(caseId);
            assertThat(pass.isDone()).isFalse();

            release.countDown();
            officer.get(10, TimeUnit.SECONDS);
            assertThat(pass.get(10, TimeUnit.SECONDS).yellow()).isPositive();
            assertThat(cases.timelineActions("office", r.number())).contains("warning-yellow");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
