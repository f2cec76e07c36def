package cn.yousu.reporting;

import cn.yousu.shared.Databases;
import cn.yousu.shared.WriteBatch;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/**
 * The monthly sums ({@code report_month}): what each case contributes to the month of each of its anchors, added
 * and taken away as the case changes (appended to {@code report_month_delta}, folded in every few seconds), so that whole past months are counted from a few rows. The contribution
 * rules are the SQL conditions of {@link Indicator}, written again in Java; the tests compare both ways of counting.
 */
@Component
class MonthlySums {

    /** A row of {@code report_month}. */
    record Key(String region, String unit, String category, String channel, Anchor anchor, int month) {
    }

    /** What the read model keeps of a case, as far as the sums need it. */
    record Fact(String region, String unit, String category, String channel, String status, Instant registeredAt,
            Instant acceptanceDueAt, Instant decidedAt, Instant acceptedAt, Instant dueAt, Instant resultSubmittedAt,
            Instant closedAt, String satisfaction, int redoCount, int extensionCount, int supervisionCount,
            int referralCount) {
    }

    /** Changes folded per transaction at most (a busy minute appends tens of thousands). */
    private static final int FOLD_BATCH = 20_000;

    static final List<String> SATISFIED = List.of("VERY_SATISFIED", "SATISFIED", "BASICALLY_SATISFIED");

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final WriteBatch writes;
    private final TransactionTemplate transaction;
    private final ZoneId zone;
    private final boolean postgres;
    private final boolean scheduled;

    MonthlySums(JdbcClient jdbc, JdbcTemplate batch, WriteBatch writes, TransactionTemplate transaction,
            ZoneId applicationZone, DataSource dataSource, @Value("${yousu.jobs.enabled:true}") boolean scheduled) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.batch = batch;
        this.transaction = transaction;
        this.zone = applicationZone;
        this.postgres = Databases.isPostgres(dataSource);
        this.scheduled = scheduled;
    }

    /** The case's contribution: per anchor month, cases and numerators n1..n3. */
    Map<Key, long[]> contribution(Fact f) {
        Map<Key, long[]> out = new HashMap<>();
        if (f == null) {
            return out;
        }
        out.put(key(f, Anchor.REGISTERED, f.registeredAt()), new long[] {1,
                f.decidedAt() != null && f.acceptanceDueAt() != null && !f.decidedAt().isAfter(f.acceptanceDueAt()) ? 1 : 0,
                f.supervisionCount() > 0 ? 1 : 0, f.referralCount() > 0 ? 1 : 0});
        if (f.acceptedAt() != null) {
            out.put(key(f, Anchor.ACCEPTED, f.acceptedAt()), new long[] {1, "CLOSED".equals(f.status()) ? 1 : 0,
                    f.redoCount() > 0 ? 1 : 0, f.extensionCount() > 0 ? 1 : 0});
        }
        if (f.dueAt() != null && !("TERMINATED".equals(f.status()) && f.resultSubmittedAt() == null)) {
            boolean onTime = f.resultSubmittedAt() != null && !f.resultSubmittedAt().isAfter(f.dueAt());
            out.put(key(f, Anchor.DUE, f.dueAt()), new long[] {1, onTime ? 1 : 0, onTime ? 0 : 1, 0});
        }
        if (f.closedAt() != null) {
            out.put(key(f, Anchor.CLOSED, f.closedAt()), new long[] {1, f.satisfaction() != null && SATISFIED.contains(f.satisfaction()) ? 1 : 0,
                    0, 0});
        }
        return out;
    }

    /** Moves the sums from the case's old contribution to its new one (appended as changes, see {@link #fold}). */
    void replace(Fact before, Fact after) {
        Map<Key, long[]> delta = contribution(after);
        contribution(before).forEach((k, old) -> delta.merge(k, negate(old), MonthlySums::add));
        delta.values().removeIf(d -> Arrays.stream(d).allMatch(v -> v == 0));
        append(delta);
    }

    /** One visit with an answer. */
    void visit(Fact f, Instant at, boolean satisfied) {
        if (f != null) {
            append(Map.of(key(f, Anchor.VISIT, at), new long[] {1, satisfied ? 1 : 0, 0, 0}));
        }
    }

    int month(Instant at) {
        YearMonth m = YearMonth.from(at.atZone(zone));
        return m.getYear() * 100 + m.getMonthValue();
    }

    private Key key(Fact f, Anchor anchor, Instant at) {
        return new Key(f.region(), f.unit() == null ? "" : f.unit(), f.category() == null ? "" : f.category(),
                f.channel(), anchor, month(at));
    }

    /** Appends changes in the caller's transaction: plain INSERTs, so concurrent changes never wait for each other. */
    private void append(Map<Key, long[]> changes) {
        if (changes.isEmpty()) {
            return;
        }
        writes.writeRows("""
                INSERT INTO report_month_delta (region_code, lead_unit_code, category_code, channel, anchor, yyyymm,
                    cases, n1, n2, n3) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows(changes));
    }

    /**
     * Adds the appended changes into report_month and removes exactly those rows, in one transaction; one node at a
     * time (the row of report_fold is locked), so that no change is added twice. A change committed while a fold runs
     * is not among the rows it read, and waits for the next fold. Returns how many changes were folded.
     */
    int fold() {
        Integer folded = transaction.execute(status -> {
            jdbc.sql("SELECT id FROM report_fold WHERE id = 1 FOR UPDATE").query(Integer.class).single();
            List<Long> ids = new ArrayList<>();
            Map<Key, long[]> sums = new HashMap<>();
            jdbc.sql("""
                    SELECT id, region_code, lead_unit_code, category_code, channel, anchor, yyyymm, cases, n1, n2, n3
                    FROM report_month_delta ORDER BY id FETCH FIRST %d ROWS ONLY""".formatted(FOLD_BATCH))
                    .query((java.sql.ResultSet rs) -> {
                        ids.add(rs.getLong("id"));
                        Key k = new Key(rs.getString("region_code"), rs.getString("lead_unit_code"),
                                rs.getString("category_code"), rs.getString("channel"),
                                Anchor.valueOf(rs.getString("anchor")), rs.getInt("yyyymm"));
                        sums.merge(k, new long[] {rs.getLong("cases"), rs.getLong("n1"), rs.getLong("n2"),
                            rs.getLong("n3")}, MonthlySums::add);
                    });
            if (ids.isEmpty()) {
                return 0;
            }
            batch.batchUpdate(postgres ? """
                    INSERT INTO report_month (region_code, lead_unit_code, category_code, channel, anchor, yyyymm,
                        cases, n1, n2, n3, stripe) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                    ON CONFLICT (region_code, lead_unit_code, category_code, channel, anchor, yyyymm, stripe) DO UPDATE SET
                        cases = report_month.cases + EXCLUDED.cases, n1 = report_month.n1 + EXCLUDED.n1,
                        n2 = report_month.n2 + EXCLUDED.n2, n3 = report_month.n3 + EXCLUDED.n3""" : """
                    MERGE INTO report_month t USING (VALUES (CAST(? AS VARCHAR(50)), CAST(? AS VARCHAR(50)),
                        CAST(? AS VARCHAR(50)), CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(12)), CAST(? AS INTEGER),
                        CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT)))
                        s (region_code, lead_unit_code, category_code, channel, anchor, yyyymm, cases, n1, n2, n3)
                    ON t.region_code = s.region_code AND t.lead_unit_code = s.lead_unit_code
                        AND t.category_code = s.category_code AND t.channel = s.channel AND t.anchor = s.anchor
                        AND t.yyyymm = s.yyyymm AND t.stripe = 0
                    WHEN MATCHED THEN UPDATE SET cases = t.cases + s.cases, n1 = t.n1 + s.n1, n2 = t.n2 + s.n2,
                        n3 = t.n3 + s.n3
                    WHEN NOT MATCHED THEN INSERT VALUES (s.region_code, s.lead_unit_code, s.category_code, s.channel,
                        s.anchor, s.yyyymm, s.cases, s.n1, s.n2, s.n3, 0)""", rows(sums));
            for (int from = 0; from < ids.size(); from += 1000) {
                List<Long> part = ids.subList(from, Math.min(ids.size(), from + 1000));
                jdbc.sql("DELETE FROM report_month_delta WHERE id IN ("
                        + Databases.placeholders(part.size()) + ")")
                        .params(new ArrayList<Object>(part)).update();
            }
            jdbc.sql("UPDATE report_fold SET folded_at = CURRENT_TIMESTAMP WHERE id = 1").update();
            return ids.size();
        });
        return folded == null ? 0 : folded;
    }

    @Scheduled(fixedDelayString = "${yousu.reporting.fold-interval:5s}", initialDelayString = "5s")
    void onSchedule() {
        if (scheduled) {
            while (fold() == FOLD_BATCH) {
                // more were waiting: go on until the backlog is folded
            }
        }
    }

    /** The parameters of one row per key: the key's columns, then cases and n1..n3. */
    private static List<Object[]> rows(Map<Key, long[]> sums) {
        List<Object[]> rows = new ArrayList<>(sums.size());
        sums.forEach((k, d) -> rows.add(new Object[] {k.region(), k.unit(), k.category(), k.channel(),
            k.anchor().name(), k.month(), d[0], d[1], d[2], d[3]}));
        return rows;
    }

    private static long[] negate(long[] a) {
        return Arrays.stream(a).map(v -> -v).toArray();
    }

    private static long[] add(long[] a, long[] b) {
        long[] s = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }
}
