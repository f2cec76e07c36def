package cn.yousu.reporting;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
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

    /** The counts per month (yyyymm) of the months from {@code first} to {@code last}, each anchored in its month. */
    @Transactional(readOnly = true)
    public Map<YearMonth, Counts> trend(Scope scope, YearMonth first, YearMonth last) {
        Scope months = new Scope(scope.regionCodes(), scope.unitCode(), scope.categoryCode(), scope.channel(),
                first.atDay(1), last.atEndOfMonth());
        Map<YearMonth, Counts> out = new LinkedHashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            out.put(m, Counts.empty());
        }
        Instant now = clock.instant();
        for (Anchor anchor : Anchor.values()) {
            List<Indicator> of = indicatorsOf(anchor);
            Sql sql = new Sql();
            sql.add("SELECT " + (anchor == Anchor.VISIT ? "v." : "r.") + anchor.monthColumn() + " AS grp, COUNT(*) AS den");
            for (Indicator i : of) {
                sql.add(", SUM(CASE WHEN " + i.numerator("r") + " THEN 1 ELSE 0 END) AS n_" + i.ordinal());
            }
            from(sql, anchor, months, now);
            sql.add(" GROUP BY " + (anchor == Anchor.VISIT ? "v." : "r.") + anchor.monthColumn());
            jdbc.sql(sql.text()).params(sql.params()).query((ResultSet rs) -> {
                YearMonth m = month(rs.getInt("grp"));
                Counts c = out.get(m);
                if (c != null) {
                    c.denominators().merge(anchor, rs.getLong("den"), Long::sum);
                    for (Indicator i : of) {
                        c.numerators().merge(i, rs.getLong("n_" + i.ordinal()), Long::sum);
                    }
                }
            });
        }
        return out;
    }

    private Map<String, Counts> grouped(Scope scope, Dimension dimension) {
        Instant now = clock.instant();
        Map<String, Counts> out = new LinkedHashMap<>();
        Function<String, Counts> counts = k -> out.computeIfAbsent(k == null ? "" : k, x -> Counts.empty());
        // one pass over report_case for every anchor but the visits
        Sql sql = new Sql();
        sql.add("SELECT " + (dimension == null ? "''" : "r." + dimension.column) + " AS grp");
        for (Anchor anchor : Anchor.values()) {
            if (anchor == Anchor.VISIT) {
                continue;
            }
            sql.add(", SUM(CASE WHEN " + anchor.condition("r") + " THEN 1 ELSE 0 END) AS d_" + anchor.ordinal());
            anchorParams(sql, anchor, scope, now);
            for (Indicator i : indicatorsOf(anchor)) {
                sql.add(", SUM(CASE WHEN " + anchor.condition("r") + " AND " + i.numerator("r")
                        + " THEN 1 ELSE 0 END) AS n_" + i.ordinal());
                anchorParams(sql, anchor, scope, now);
            }
        }
        sql.add(" FROM report_case r WHERE ");
        dimensions(sql, scope);
        sql.add(" AND r.last_at >= ? AND r.registered_at < ?");
        sql.param(ts(start(scope)));
        sql.param(ts(end(scope)));
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
        // the visits
        Sql visits = new Sql();
        visits.add("SELECT " + (dimension == null ? "''" : "r." + dimension.column)
                + " AS grp, COUNT(*) AS den, SUM(CASE WHEN v.satisfied = TRUE THEN 1 ELSE 0 END) AS num");
        from(visits, Anchor.VISIT, scope, now);
        if (dimension != null) {
            visits.add(" GROUP BY r." + dimension.column);
        }
        jdbc.sql(visits.text()).params(visits.params()).query((ResultSet rs) -> {
            Counts c = counts.apply(rs.getString("grp"));
            c.denominators().merge(Anchor.VISIT, rs.getLong("den"), Long::sum);
            c.numerators().merge(Indicator.SATISFACTION_RATE, rs.getLong("num"), Long::sum);
        });
        if (dimension == null) {
            counts.apply("");
        }
        return out;
    }

    /** FROM and WHERE for the cases (or visits) of one anchor in the scope's period. */
    private void from(Sql sql, Anchor anchor, Scope scope, Instant now) {
        if (anchor == Anchor.VISIT) {
            sql.add(" FROM report_visit v JOIN report_case r ON r.case_id = v.case_id WHERE v.at >= ? AND v.at < ?");
            sql.param(ts(start(scope)));
            sql.param(ts(end(scope)));
        } else {
            sql.add(" FROM report_case r WHERE " + anchor.condition("r"));
            anchorParams(sql, anchor, scope, now);
        }
        sql.add(" AND ");
        dimensions(sql, scope);
    }

    private void anchorParams(Sql sql, Anchor anchor, Scope scope, Instant now) {
        sql.param(ts(start(scope)));
        sql.param(ts(end(scope)));
        if (anchor == Anchor.DUE) {
            sql.param(ts(now));
        }
    }

    void dimensions(Sql sql, Scope scope) {
        if (scope.regionCodes().isEmpty()) {
            sql.add("1 = 0");
            return;
        }
        sql.add("r.region_code IN (" + String.join(", ", Collections.nCopies(scope.regionCodes().size(), "?")) + ")");
        scope.regionCodes().forEach(sql::param);
        if (scope.unitCode() != null) {
            sql.add(" AND r.lead_unit_code = ?");
            sql.param(scope.unitCode());
        }
        if (scope.categoryCode() != null) {
            sql.add(" AND r.category_code = ?");
            sql.param(scope.categoryCode());
        }
        if (scope.channel() != null) {
            sql.add(" AND r.channel = ?");
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
