package cn.yousu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.casework.CaseService;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.support.ApiTest;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two watch nodes on one database (in the PostgreSQL run, one PostgreSQL) run their passes at the same moment
 * over the same due cases: every colour change and every automatic notice is recorded exactly once.
 */
class TwoWatchNodesApiTest extends ApiTest {

    @Autowired
    DeadlineWatch nodeA;
    @Autowired
    DeadlineClocks clocks;
    @Autowired
    CaseService caseService;
    @Autowired
    OrganizationDirectory directory;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock appClock;
    @Autowired
    ZoneId zone;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    private long count(List<String> numbers, String action) {
        return numbers.stream().mapToLong(n -> jdbc.sql("""
                SELECT COUNT(*) FROM case_event e JOIN case_file c ON c.id = e.case_id
                WHERE c.number = ? AND e.action = ?""").params(n, action).query(Long.class).single()).sum();
    }

    private void bothAtOnce(DeadlineWatch a, DeadlineWatch b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<DeadlineWatch.Pass> first = CompletableFuture.supplyAsync(() -> {
                await(start);
                return a.pass();
            }, pool);
            CompletableFuture<DeadlineWatch.Pass> second = CompletableFuture.supplyAsync(() -> {
                await(start);
                return b.pass();
            }, pool);
            start.countDown();
            first.get();
            second.get();
        } finally {
            pool.shutdown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void twoNodesNeverBothActOnTheSameCase() throws Exception {
        DeadlineWatch nodeB = new DeadlineWatch(clocks, caseService, directory, transaction, appClock, zone, events,
                false);
        clock.set("2026-06-01T09:00:00+08:00");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String n = cases.inProgress().number();
            cases.act("scjg", n, "initial-reply", Map.of("content", "已收到", "method", "电话"));
            numbers.add(n);
        }
        // due Monday 06-08: yellow from Friday 06-05, red from 06-09
        clock.set("2026-06-05T09:00:00+08:00");
        bothAtOnce(nodeA, nodeB);
        nodeA.pass();
        assertThat(count(numbers, "warning-yellow")).isEqualTo(numbers.size());

        clock.set("2026-06-09T09:00:00+08:00");
        bothAtOnce(nodeA, nodeB);
        nodeB.pass();
        assertThat(count(numbers, "warning-red")).isEqualTo(numbers.size());
        assertThat(count(numbers, "supervise")).isEqualTo(numbers.size());
    }
}
