package cn.yousu.reporting;

import cn.yousu.shared.Databases;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the indicators of {@link Indicator} from the read model in one pass per query: for a scope (regions,
 * optionally a lead unit, a category, a channel) and a period of whole days in the region's zone.
 */
@Service
public class Indicators {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    Indicators(JdbcClient jdbc, Clock clock, ZoneId applicationZone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = applicationZone;
    }

    /** What is counted: the cases of these regions (a subtree), of a lead unit, category and channel, in [from, to]. */
    public record Scope(List<String> regionCodes, String unitCode, String categoryCode, String channel, LocalDate from,
            LocalDate to) {

        Scope with(String unit, String category, String channelName) {
            return new Scope(regionCodes, unit, category, channelName, from, to);
        }
    }

    /** How the cases are grouped for a breakdown. */
    public enum Dimension {
        REGION("region_code"), UNIT("lead_unit_code"), CATEGORY("category_code"), CHANNEL("channel"),
        RESPONDENT("respondent");

        final String column;

        Dimension(String column) {
            this.column = column;
        }
    }

    /** The counts of one group: denominators per anchor, numerators per indicator. */
    public record Counts(Map<Anchor, Long> denominators, Map<Indicator, Long> numerators) {

        static Counts empty() {
            return new Counts(new EnumMap<>(Anchor.class), new EnumMap<>(Indicator.class));
        }

        public long denominator(Indicator i) {
            return denominators.getOrDefault(i.anchor(), 0L);
        }

        public long numerator(Indicator i) {
            return numerators.getOrDefault(i, 0L);
        }

        /** The rate in [0, 1], or null when nothing was counted; for a count, the count. */
        public Double value(Indicator i) {
            if (!i.rate()) {
                return (double) numerator(i);
            }
            long d = denominator(i);
            return d == 0 ? null : (double) numerator(i) / d;
        }

        public long registered() {
            return denominators.getOrDefault(Anchor.REGISTERED, 0L);
        }

        /** True when no case of the scope falls into any anchor of the period. */
        public boolean isEmpty() {
            return denominators.values().stream().allMatch(v -> v == 0);
        }
    }

    @Transactional(readOnly = true)
    public Counts compute(Scope scope) {
        return grouped(scope, null).getOrDefault("", Counts.empty());
    }

    /** The counts per value of {@code dimension} (a null value is grouped under the empty string). */
    @Transactional(readOnly = true)
    public Map<String, Counts> breakdown(Scope scope, Dimension dimension) {
        return grouped(scope, dimension);
    }

    /** The counts per month of the months from {@code first} to {@code last}, each anchored in its month. */
    @Transactional(readOnly = true)
    public Map<YearMonth, Counts> trend(Scope scope, YearMonth first, YearMonth last) {
        Map<YearMonth, Counts> out = new LinkedHashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            out.put(m, Counts.empty());
        }
        YearMonth current = YearMonth.now(clock.withZone(zone));
        YearMonth lastSummed = last.isBefore(current) ? last : current.minusMonths(1);
        if (!first.isAfter(lastSummed)) {
            summed(scope, "m.yyyymm", first, lastSummed).forEach((m, c) -> out.put(month(Integer.parseInt(m)), c));
        }
        for (YearMonth m = first.isAfter(current) ? first : current; !m.isAfter(last); m = m.plusMonths(1)) {
            Scope one = new Scope(scope.regionCodes(), scope.unitCode(), scope.categoryCode(), scope.channel(),
                    m.atDay(1), m.atEndOfMonth());
            out.put(m, grouped(one, null).getOrDefault("", Counts.empty()));
        }
        return out;
    }

    /**
     * Whole months before the current one come from the monthly sums; the days around them (a partial first or last
     * month, the current month) are counted from the cases. Respondents are not in the sums: always from the cases.
     */
    private Map<String, Counts> grouped(Scope scope, Dimension dimension) {
        Map<String, Counts> out = new LinkedHashMap<>();
        Instant from = start(scope);
        Instant to = end(scope);
        YearMonth current = YearMonth.now(clock.withZone(zone));
        YearMonth firstFull = scope.from().getDayOfMonth() == 1 ? YearMonth.from(scope.from())
                : YearMonth.from(scope.from()).plusMonths(1);
        YearMonth lastFull = scope.to().equals(YearMonth.from(scope.to()).atEndOfMonth()) ? YearMonth.from(scope.to())
                : YearMonth.from(scope.to()).minusMonths(1);
        if (!lastFull.isBefore(current)) {
            lastFull = current.minusMonths(1);
        }
        if (dimension != Dimension.RESPONDENT && !firstFull.isAfter(lastFull)) {
            merge(out, summed(scope, dimension == null ? "''" : "m." + dimension.column, firstFull, lastFull));
            Instant a = firstFull.atDay(1).atStartOfDay(zone).toInstant();
            Instant b = lastFull.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            if (from.isBefore(a)) {
                live(scope, dimension, from, a, out);
            }
            if (b.isBefore(to)) {
                live(scope, dimension, b, to, out);
            }
        } else {
            live(scope, dimension, from, to, out);
        }
        if (dimension == null) {
            out.computeIfAbsent("", k -> Counts.empty());
        }
        return out;
    }

    /** The monthly sums: the folded ones and the changes appended since the last fold (see MonthlySums#fold). */
    private static final String SUMS = """
            SELECT region_code, lead_unit_code, category_code, channel, anchor, yyyymm, cases, n1, n2, n3 FROM report_month
            UNION ALL
            SELECT region_code, lead_unit_code, category_code, channel, anchor, yyyymm, cases, n1, n2, n3
            FROM report_month_delta""";

    /** The monthly sums of the months [first, last], grouped by {@code group} (an expression over report_month m). */
    private Map<String, Counts> summed(Scope scope, String group, YearMonth first, YearMonth last) {
        Map<String, Counts> out = new LinkedHashMap<>();
        if (scope.regionCodes().isEmpty()) {
            return out;
        }
        Sql sql = new Sql();
        sql.add("SELECT " + group + " AS grp, m.anchor, SUM(m.cases) AS c, SUM(m.n1) AS n1, SUM(m.n2) AS n2,"
                + " SUM(m.n3) AS n3 FROM (" + SUMS + ") m WHERE m.yyyymm >= ? AND m.yyyymm <= ? AND ");
        sql.param(first.getYear() * 100 + first.getMonthValue());
        sql.param(last.getYear() * 100 + last.getMonthValue());
        dimensions(sql, scope, "m");
        sql.add(" GROUP BY " + (group.equals("''") ? "" : group + ", ") + "m.anchor");
        jdbc.sql(sql.text()).params(sql.params()).query((ResultSet rs) -> {
            String k = rs.getString("grp");
            Counts c = out.computeIfAbsent(k == null ? "" : k, x -> Counts.empty());
            Anchor anchor = Anchor.valueOf(rs.getString("anchor"));
            c.denominators().merge(anchor, rs.getLong("c"), Long::sum);
            List<Indicator> of = indicatorsOf(anchor);
            for (int i = 0; i < of.size(); i++) {
                c.numerators().merge(of.get(i), rs.getLong("n" + (i + 1)), Long::sum);
            }
        });
        return out;
    }

    private static void merge(Map<String, Counts> into, Map<String, Counts> more) {
        more.forEach((k, c) -> {
            Counts sum = into.computeIfAbsent(k, x -> Counts.empty());
            c.denominators().forEach((a, n) -> sum.denominators().merge(a, n, Long::sum));
            c.numerators().forEach((i, n) -> sum.numerators().merge(i, n, Long::sum));
        });
    }

    /** Counts [from, to) from the cases: one pass over report_case for every anchor but the visits, then the visits. */
    private void live(Scope scope, Dimension dimension, Instant from, Instant to, Map<String, Counts> out) {
        Instant now = clock.instant();
        Function<String, Counts> counts = k -> out.computeIfAbsent(k == null ? "" : k, x -> Counts.empty());
        Sql sql = new Sql();
        sql.add("SELECT " + (dimension == null ? "''" : "r." + dimension.column) + " AS grp");
        for (Anchor anchor : Anchor.values()) {
            if (anchor == Anchor.VISIT) {
                continue;
            }
            sql.add(", SUM(CASE WHEN " + anchor.condition("r") + " THEN 1 ELSE 0 END) AS d_" + anchor.ordinal());
            anchorParams(sql, anchor, from, to, now);
            for (Indicator i : indicatorsOf(anchor)) {
                sql.add(", SUM(CASE WHEN " + anchor.condition("r") + " AND " + i.numerator("r")
                        + " THEN 1 ELSE 0 END) AS n_" + i.ordinal());
                anchorParams(sql, anchor, from, to, now);
            }
        }
        sql.add(" FROM report_case r WHERE ");
        dimensions(sql, scope, "r");
        sql.add(" AND r.last_at >= ? AND r.registered_at < ?");
        sql.param(ts(from));
        sql.param(ts(to));
        if (dimension != null) {
            sql.add(" GROUP BY r." + dimension.column);
        }
        jdbc.sql(sql.text()).params(sql.params()).query((ResultSet rs) -> {
            Counts c = counts.apply(rs.getString("grp"));
            for (Anchor anchor : Anchor.values()) {
                if (anchor == Anchor.VISIT) {
                    continue;
                }
                c.denominators().merge(anchor, rs.getLong("d_" + anchor.ordinal()), Long::sum);
                for (Indicator i : indicatorsOf(anchor)) {
                    c.numerators().merge(i, rs.getLong("n_" + i.ordinal()), Long::sum);
                }
            }
        });
        Sql visits = new Sql();
        visits.add("SELECT " + (dimension == null ? "''" : "r." + dimension.column)
                + " AS grp, COUNT(*) AS den, SUM(CASE WHEN v.satisfied = TRUE THEN 1 ELSE 0 END) AS num"
                + " FROM report_visit v JOIN report_case r ON r.case_id = v.case_id WHERE v.at >= ? AND v.at < ? AND ");
        visits.param(ts(from));
        visits.param(ts(to));
        dimensions(visits, scope, "r");
        if (dimension != null) {
            visits.add(" GROUP BY r." + dimension.column);
        }
        jdbc.sql(visits.text()).params(visits.params()).query((ResultSet rs) -> {
            Counts c = counts.apply(rs.getString("grp"));
            c.denominators().merge(Anchor.VISIT, rs.getLong("den"), Long::sum);
            c.numerators().merge(Indicator.SATISFACTION_RATE, rs.getLong("num"), Long::sum);
        });
    }

    private void anchorParams(Sql sql, Anchor anchor, Instant from, Instant to, Instant now) {
        sql.param(ts(from));
        sql.param(ts(to));
        if (anchor == Anchor.DUE) {
            sql.param(ts(now));
        }
    }

    void dimensions(Sql sql, Scope scope, String alias) {
        if (scope.regionCodes().isEmpty()) {
            sql.add("1 = 0");
            return;
        }
        sql.add(alias + ".region_code IN (" + Databases.placeholders(scope.regionCodes().size())
                + ")");
        scope.regionCodes().forEach(sql::param);
        if (scope.unitCode() != null) {
            sql.add(" AND " + alias + ".lead_unit_code = ?");
            sql.param(scope.unitCode());
        }
        if (scope.categoryCode() != null) {
            sql.add(" AND " + alias + ".category_code = ?");
            sql.param(scope.categoryCode());
        }
        if (scope.channel() != null) {
            sql.add(" AND " + alias + ".channel = ?");
            sql.param(scope.channel());
        }
    }

    static List<Indicator> indicatorsOf(Anchor anchor) {
        List<Indicator> of = new ArrayList<>();
        for (Indicator i : Indicator.values()) {
            if (i.anchor() == anchor) {
                of.add(i);
            }
        }
        return of;
    }

    Instant start(Scope scope) {
        return scope.from().atStartOfDay(zone).toInstant();
    }

    Instant end(Scope scope) {
        return scope.to().plusDays(1).atStartOfDay(zone).toInstant();
    }

    static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static YearMonth month(int yyyymm) {
        return YearMonth.of(yyyymm / 100, yyyymm % 100);
    }

    /** SQL text with its positional parameters, built in order. */
    static final class Sql {
        private final StringBuilder text = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        Sql add(String s) {
            text.append(s);
            return this;
        }

        Sql param(Object p) {
            params.add(p);
            return this;
        }

        String text() {
            return text.toString();
        }

        List<Object> params() {
            return params;
        }
    }
}
