package cn.yousu.reporting;

import cn.yousu.shared.Databases;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monthly sums ({@code report_month}): what each case contributes to the month of each of its anchors, added
 * and taken away as the case changes, so that whole past months are counted from a few rows. The contribution
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

    /** Rows per group and month (see the migration V202612020504). */
    static final int STRIPES = 16;

    static final List<String> SATISFIED = List.of("VERY_SATISFIED", "SATISFIED", "BASICALLY_SATISFIED");

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final boolean postgres;

    MonthlySums(JdbcClient jdbc, ZoneId applicationZone, DataSource dataSource) {
        this.jdbc = jdbc;
        this.zone = applicationZone;
        this.postgres = Databases.isPostgres(dataSource);
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

    /** Moves the sums from the case's old contribution to its new one. */
    void replace(Fact before, Fact after) {
        Map<Key, long[]> delta = contribution(after);
        contribution(before).forEach((k, old) -> delta.merge(k, negate(old), MonthlySums::add));
        delta.forEach((k, d) -> {
            if (Arrays.stream(d).anyMatch(v -> v != 0)) {
                upsert(k, d);
            }
        });
    }

    /** One visit with an answer. */
    void visit(Fact f, Instant at, boolean satisfied) {
        if (f != null) {
            upsert(key(f, Anchor.VISIT, at), new long[] {1, satisfied ? 1 : 0, 0, 0});
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

    private void upsert(Key k, long[] d) {
        String sql = postgres ? """
                INSERT INTO report_month (region_code, lead_unit_code, category_code, channel, anchor, yyyymm, cases, n1,
                    n2, n3, stripe) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (region_code, lead_unit_code, category_code, channel, anchor, yyyymm, stripe) DO UPDATE SET
                    cases = report_month.cases + EXCLUDED.cases, n1 = report_month.n1 + EXCLUDED.n1,
                    n2 = report_month.n2 + EXCLUDED.n2, n3 = report_month.n3 + EXCLUDED.n3""" : """
                MERGE INTO report_month t USING (VALUES (CAST(? AS VARCHAR(50)), CAST(? AS VARCHAR(50)),
                    CAST(? AS VARCHAR(50)), CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(12)), CAST(? AS INTEGER),
                    CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS SMALLINT)))
                    s (region_code, lead_unit_code, category_code, channel, anchor, yyyymm, cases, n1, n2, n3, stripe)
                ON t.region_code = s.region_code AND t.lead_unit_code = s.lead_unit_code
                    AND t.category_code = s.category_code AND t.channel = s.channel AND t.anchor = s.anchor
                    AND t.yyyymm = s.yyyymm AND t.stripe = s.stripe
                WHEN MATCHED THEN UPDATE SET cases = t.cases + s.cases, n1 = t.n1 + s.n1, n2 = t.n2 + s.n2,
                    n3 = t.n3 + s.n3
                WHEN NOT MATCHED THEN INSERT VALUES (s.region_code, s.lead_unit_code, s.category_code, s.channel,
                    s.anchor, s.yyyymm, s.cases, s.n1, s.n2, s.n3, s.stripe)""";
        // a stripe at random: concurrent changes of one group and month rarely wait for each other's commit
        Object[] params = {k.region(), k.unit(), k.category(), k.channel(), k.anchor().name(), k.month(), d[0], d[1],
            d[2], d[3], java.util.concurrent.ThreadLocalRandom.current().nextInt(STRIPES)};
        try {
            jdbc.sql(sql).params(params).update();
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // H2: another transaction inserted the same month first; now the row exists and MERGE adds to it
            // (PostgreSQL's ON CONFLICT never gets here)
            jdbc.sql(sql).params(params).update();
        }
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
