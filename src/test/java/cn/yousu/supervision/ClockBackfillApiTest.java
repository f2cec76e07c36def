package cn.yousu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.casework.CaseService;
import cn.yousu.support.ApiTest;
import java.time.OffsetDateTime;
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
 * Cases whose deadline clocks are missing (open before the watch existed, or rows lost) get them back from the
 * backfill, as the tracker would have written them; nothing is added twice, not even by two nodes at once, and a
 * closed case gets none.
 */
class ClockBackfillApiTest extends ApiTest {

    @Autowired
    ClockBackfill backfill;
    @Autowired
    CaseService caseService;
    @Autowired
    DeadlineClocks clocks;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    /** Every column of a case's clocks, one line per clock, in key order. */
    private List<String> rows(String number) {
        return jdbc.sql("""
                SELECT k.clock, k.case_number, k.due_at, k.yellow_at, k.colour, k.next_check_at, k.changed_at,
                    k.office_region_code, k.lead_unit_code
                FROM deadline_clock k JOIN case_file c ON c.id = k.case_id WHERE c.number = ? ORDER BY k.clock""")
                .param(number)
                .query((rs, n) -> String.join(" | ", rs.getString("clock"), rs.getString("case_number"),
                        at(rs, "due_at"), at(rs, "yellow_at"), rs.getString("colour"), at(rs, "next_check_at"),
                        at(rs, "changed_at"), rs.getString("office_region_code"), rs.getString("lead_unit_code")))
                .list();
    }

    private static String at(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? "-" : t.toInstant().toString();
    }

    private void delete(String number, String clockLike) {
        jdbc.sql("""
                DELETE FROM deadline_clock
                WHERE clock LIKE ? AND case_id = (SELECT id FROM case_file WHERE number = ?)""")
                .params(clockLike, number).update();
    }

    @Test
    void deletedClocksComeBackAsTheTrackerWroteThemOnceAndAClosedCaseGetsNone() {
        clock.set("2026-09-30T09:00:00+08:00");
        // handling and brief-reply clocks, and a supervision notice's reply clock
        String supervised = cases.inProgress().number();
        cases.act("office", supervised, "supervise", Map.of("level", "NOTICE", "content", "请于 5 日内书面反馈"));
        // only its handling clock goes missing; its notice's reply clock has turned yellow meanwhile
        String partial = cases.inProgress().number();
        cases.act("office", partial, "supervise", Map.of("level", "NOTICE", "content", "请于 5 日内书面反馈"));
        String closed = cases.visiting("2026-09-30").number();
        cases.act("office", closed, "visit", Map.of("reached", true, "method", "电话", "satisfaction", "SATISFIED"));
        assertThat(cases.get("office", closed).get("status").asString()).isEqualTo("CLOSED");
        backfill.run(ClockBackfill.BATCH); // whatever other tests left without clocks

        List<String> supervisedBefore = rows(supervised);
        assertThat(supervisedBefore).anyMatch(r -> r.startsWith("HANDLING | " + supervised + " | 2026-10-13T15:59:59"))
                .anyMatch(r -> r.startsWith("SUPERVISION_REPLY-")).allMatch(r -> r.endsWith(" | SF | SF-SCJG"));
        jdbc.sql("UPDATE deadline_clock SET colour = 'YELLOW', changed_at = yellow_at WHERE clock <> 'HANDLING'"
                + " AND case_id = (SELECT id FROM case_file WHERE number = ?)").param(partial).update();
        List<String> partialBefore = rows(partial);
        assertThat(partialBefore).hasSizeGreaterThan(1);
        assertThat(rows(closed)).isEmpty();

        delete(supervised, "%");
        delete(partial, "HANDLING");
        assertThat(rows(supervised)).isEmpty();

        // small batches: the keyset goes over every open case of the shared database
        ClockBackfill.Result first = backfill.run(7);
        assertThat(first.added()).isEqualTo(supervisedBefore.size() + 1);
        assertThat(first.failed()).isZero();
        assertThat(rows(supervised)).isEqualTo(supervisedBefore);
        assertThat(rows(partial)).isEqualTo(partialBefore);
        assertThat(rows(closed)).isEmpty();

        ClockBackfill.Result again = backfill.run(ClockBackfill.BATCH);
        assertThat(again.added()).isZero();
        assertThat(again.cases()).isEqualTo(first.cases());
        assertThat(rows(supervised)).isEqualTo(supervisedBefore);
    }

    @Test
    void twoNodesStartingAtOnceAddEachClockOnce() throws Exception {
        ClockBackfill nodeB = new ClockBackfill(caseService, clocks, transaction, false);
        List<String> numbers = new ArrayList<>();
        List<List<String>> before = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            numbers.add(cases.inProgress().number());
        }
        backfill.run(ClockBackfill.BATCH);
        int deleted = 0;
        for (String n : numbers) {
            before.add(rows(n));
            deleted += rows(n).size();
            delete(n, "%");
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<ClockBackfill.Result> a = CompletableFuture.supplyAsync(() -> {
                await(start);
                return backfill.run(2);
            }, pool);
            CompletableFuture<ClockBackfill.Result> b = CompletableFuture.supplyAsync(() -> {
                await(start);
                return nodeB.run(2);
            }, pool);
            start.countDown();
            ClockBackfill.Result ra = a.get();
            ClockBackfill.Result rb = b.get();
            assertThat(ra.failed() + rb.failed()).isZero();
            assertThat(ra.added() + rb.added()).isEqualTo(deleted);
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(rows(numbers.get(i))).isEqualTo(before.get(i));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
