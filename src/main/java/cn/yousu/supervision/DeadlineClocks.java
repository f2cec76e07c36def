package cn.yousu.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.yousu.shared.Databases;
import cn.yousu.shared.WriteBatch;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of running clocks ({@code deadline_clock}). */
@Repository
public class DeadlineClocks {

    public enum Colour { NORMAL, YELLOW, RED }

    record Row(long caseId, String clock, String caseNumber, Instant dueAt, Instant yellowAt, Colour colour,
            Instant nextCheckAt) {
    }

    private static final String COLUMNS = "case_id, clock, case_number, due_at, yellow_at, colour, next_check_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final WriteBatch writes;
    private final boolean postgres;

    DeadlineClocks(JdbcClient jdbc, JdbcTemplate batch, WriteBatch writes, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.writes = writes;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** The keys of the clocks stored for each of the cases {@code caseIds} (cases without any are left out). */
    Map<Long, Set<String>> keysOf(Collection<Long> caseIds) {
        Map<Long, Set<String>> keys = new HashMap<>();
        if (!caseIds.isEmpty()) {
            jdbc.sql("SELECT case_id, clock FROM deadline_clock WHERE case_id IN ("
                    + Databases.placeholders(caseIds.size()) + ")")
                    .params(List.copyOf(caseIds))
                    .query(rs -> {
                        keys.computeIfAbsent(rs.getLong("case_id"), id -> new HashSet<>()).add(rs.getString("clock"));
                    });
        }
        return keys;
    }

    /** A clock to write, with the case's office and lead unit (who sees it on the supervision page). */
    record NewClock(long caseId, String clock, String caseNumber, Instant dueAt, Instant yellowAt,
            String officeRegionCode, String leadUnitCode) {
    }

    /**
     * Adds the clocks that have no row yet (one batch); how many were added. A clock another node added meanwhile is
     * left as it is.
     */
    int insertMissing(List<NewClock> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        int[] added = batch.batchUpdate("""
                INSERT INTO deadline_clock (case_id, clock, case_number, due_at, yellow_at, colour, next_check_at,
                    office_region_code, lead_unit_code)
                SELECT ?, ?, ?, ?, ?, 'NORMAL', ?, ?, ? FROM (VALUES (1)) one (x)
                WHERE NOT EXISTS (SELECT 1 FROM deadline_clock WHERE case_id = ? AND clock = ?)""",
                rows.stream().map(r -> new Object[] {r.caseId(), r.clock(), r.caseNumber(), ts(r.dueAt()),
                        ts(r.yellowAt()), ts(r.yellowAt()), r.officeRegionCode(), r.leadUnitCode(), r.caseId(),
                        r.clock()}).toList());
        return java.util.Arrays.stream(added).sum();
    }

    /**
     * Starts clocks in one batch: a new row, or an existing row's deadline replaced and its colour started again
     * (NORMAL, next check at the yellow threshold), with the case's scope.
     */
    void start(List<NewClock> starts) {
        if (starts.isEmpty()) {
            return;
        }
        writes.writeRows(postgres ? """
                INSERT INTO deadline_clock (case_id, clock, case_number, due_at, yellow_at, colour, next_check_at,
                    office_region_code, lead_unit_code) VALUES (?, ?, ?, ?, ?, 'NORMAL', ?, ?, ?)
                ON CONFLICT (case_id, clock) DO UPDATE SET due_at = EXCLUDED.due_at, yellow_at = EXCLUDED.yellow_at,
                    colour = 'NORMAL', next_check_at = EXCLUDED.next_check_at,
                    office_region_code = EXCLUDED.office_region_code, lead_unit_code = EXCLUDED.lead_unit_code""" : """
                MERGE INTO deadline_clock (case_id, clock, case_number, due_at, yellow_at, colour, next_check_at,
                    office_region_code, lead_unit_code) KEY (case_id, clock) VALUES (?, ?, ?, ?, ?, 'NORMAL', ?, ?, ?)""",
                starts.stream().map(s -> new Object[] {s.caseId(), s.clock(), s.caseNumber(), ts(s.dueAt()),
                    ts(s.yellowAt()), ts(s.yellowAt()), s.officeRegionCode(), s.leadUnitCode()}).toList());
    }

    /** Keeps the case's office and lead unit on its clocks (who sees them on the supervision page). */
    void scope(long caseId, String officeRegionCode, String leadUnitCode) {
        writes.write("UPDATE deadline_clock SET office_region_code = ?, lead_unit_code = ? WHERE case_id = ?",
                officeRegionCode, leadUnitCode, caseId);
    }

    /** A clock in warning, as the supervision page lists it. */
    public record Warning(String caseNumber, WatchedClock clock, Instant dueAt, Colour colour, Instant changedAt) {
    }

    /**
     * The yellow and red clocks of the offices {@code regionCodes} or of the unit {@code unitCode}, the most overdue
     * first, at most {@code limit}.
     */
    List<Warning> warnings(List<String> regionCodes, String unitCode, int limit) {
        List<Object> params = new java.util.ArrayList<>();
        StringBuilder where = new StringBuilder("colour IN ('YELLOW', 'RED') AND (");
        if (!regionCodes.isEmpty()) {
            where.append("office_region_code IN (").append(Databases.placeholders(regionCodes.size())).append(")");
            params.addAll(regionCodes);
        } else {
            where.append("1 = 0");
        }
        if (unitCode != null) {
            where.append(" OR lead_unit_code = ?");
            params.add(unitCode);
        }
        where.append(")");
        return jdbc.sql("SELECT case_number, clock, due_at, colour, changed_at FROM deadline_clock WHERE " + where
                + " ORDER BY due_at FETCH FIRST " + limit + " ROWS ONLY").params(params)
                .query((rs, n) -> new Warning(rs.getString("case_number"), WatchedClock.ofKey(rs.getString("clock")),
                        instant(rs, "due_at"), Colour.valueOf(rs.getString("colour")), instant(rs, "changed_at")))
                .list();
    }

    void delete(long caseId, String clock) {
        writes.write("DELETE FROM deadline_clock WHERE case_id = ? AND clock = ?", caseId, clock);
    }

    /**
     * The clocks whose colour changes at or before {@code now}, earliest first, at most {@code limit}; in one total
     * order, so that nodes claiming at once take their locks in the same order and never deadlock.
     */
    List<Row> due(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM deadline_clock WHERE next_check_at <= ?"
                + " ORDER BY next_check_at, case_id, clock"
                + " FETCH FIRST " + limit + " ROWS ONLY").param(ts(now)).query(DeadlineClocks::map).list();
    }

    /** The colour a clock moves to and its next check (none once red), from the row as this node read it. */
    record Claim(Row row, Colour colour, Instant nextCheckAt) {

        private Object[] params(Instant now) {
            return new Object[] {colour.name(), ts(nextCheckAt), ts(now), row.caseId(), row.clock(),
                    row.colour().name(), ts(row.dueAt())};
        }
    }

    private static final String CLAIM = """
            UPDATE deadline_clock SET colour = ?, next_check_at = ?, changed_at = ?
            WHERE case_id = ? AND clock = ? AND colour = ? AND due_at = ?""";

    /**
     * Moves a clock from the colour this node read to the claim's colour; true for exactly one of several nodes that
     * try at once (the others' conditional update finds the colour changed and matches no row).
     */
    boolean claim(Claim claim, Instant now) {
        return jdbc.sql(CLAIM).params(claim.params(now)).update() == 1;
    }

    /**
     * {@link #claim} for many clocks in one JDBC batch (one round trip); for each, whether this node's update matched.
     * The claims come in the order of {@link #due}, so that nodes claiming at once lock in the same order.
     */
    boolean[] claimAll(List<Claim> claims, Instant now) {
        int[] updated = batch.batchUpdate(CLAIM, claims.stream().map(c -> c.params(now)).toList());
        boolean[] claimed = new boolean[claims.size()];
        for (int i = 0; i < claimed.length; i++) {
            // PostgreSQL and H2 report each statement's count; a driver that did not would make every claim lost
            claimed[i] = updated[i] == 1;
        }
        return claimed;
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("case_id"), rs.getString("clock"), rs.getString("case_number"),
                instant(rs, "due_at"), instant(rs, "yellow_at"), Colour.valueOf(rs.getString("colour")),
                instant(rs, "next_check_at"));
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
