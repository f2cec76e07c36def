package cn.yousu.reporting;

import cn.yousu.casework.CaseActivity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps reporting's read model in step with the cases: on every {@link CaseActivity}, inside the transaction that
 * changed the case, the case's row of {@code report_case} is written anew from {@code case_file}; a visit with an
 * answer adds a row to {@code report_visit}. What a failed transaction rolls back, the read model never saw.
 */
@Component
class ReadModel {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final JsonMapper json;

    ReadModel(JdbcClient jdbc, ZoneId applicationZone, JsonMapper json) {
        this.jdbc = jdbc;
        this.zone = applicationZone;
        this.json = json;
    }

    @EventListener
    void on(CaseActivity activity) {
        refresh(activity.caseId());
        if ("visit".equals(activity.action()) || "evaluate".equals(activity.action())) {
            visit(activity);
        }
    }

    /** Writes the case's fact row anew from the case table. */
    void refresh(long caseId) {
        Row row = jdbc.sql("""
                SELECT id, region_code, lead_unit_code, category_code, channel, status, registered_at,
                       acceptance_due_at, decided_at, accepted_at, due_at, result_submitted_at, closed_at, satisfaction,
                       redo_count, extension_count, supervision_count, referral_count, respondent_unit_code,
                       respondent_name
                FROM case_file WHERE id = ?""").param(caseId).query(this::row).optional().orElse(null);
        jdbc.sql("DELETE FROM report_case WHERE case_id = ?").param(caseId).update();
        if (row == null) {
            return;
        }
        Instant last = Stream.of(row.registeredAt, row.decidedAt, row.acceptedAt, row.dueAt, row.resultSubmittedAt,
                row.closedAt).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElseThrow();
        jdbc.sql("""
                INSERT INTO report_case (case_id, region_code, lead_unit_code, category_code, channel, status,
                    registered_at, acceptance_due_at, decided_at, accepted_at, due_at, result_submitted_at, closed_at,
                    last_at, registered_month, accepted_month, due_month, closed_month, satisfaction, redo_count,
                    extension_count, supervision_count, referral_count, respondent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, row.regionCode, row.leadUnitCode, row.categoryCode, row.channel, row.status,
                        ts(row.registeredAt), ts(row.acceptanceDueAt), ts(row.decidedAt), ts(row.acceptedAt),
                        ts(row.dueAt), ts(row.resultSubmittedAt), ts(row.closedAt), ts(last), month(row.registeredAt),
                        month(row.acceptedAt), month(row.dueAt), month(row.closedAt), row.satisfaction, row.redoCount,
                        row.extensionCount, row.supervisionCount, row.referralCount, row.respondent)
                .update();
    }

    /** The visit just recorded: its answer, read from the timeline entry that recorded it. */
    private void visit(CaseActivity activity) {
        String data = jdbc.sql("""
                SELECT data FROM case_event WHERE case_id = ? AND action = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""")
                .params(activity.caseId(), activity.action()).query(String.class).optional().orElse(null);
        if (data == null) {
            return;
        }
        Map<String, Object> values = json.readValue(data, MAP);
        Object satisfaction = values.get("satisfaction");
        if (!Boolean.TRUE.equals(values.get("reached")) || satisfaction == null) {
            return;
        }
        cn.yousu.policy.Satisfaction level = cn.yousu.policy.Satisfaction.valueOf(satisfaction.toString());
        jdbc.sql("INSERT INTO report_visit (case_id, at, visit_month, satisfaction, satisfied) VALUES (?, ?, ?, ?, ?)")
                .params(activity.caseId(), ts(activity.at()), month(activity.at()), level.name(), level.satisfied())
                .update();
    }

    private record Row(String regionCode, String leadUnitCode, String categoryCode, String channel, String status,
            Instant registeredAt, Instant acceptanceDueAt, Instant decidedAt, Instant acceptedAt, Instant dueAt,
            Instant resultSubmittedAt, Instant closedAt, String satisfaction, int redoCount, int extensionCount,
            int supervisionCount, int referralCount, String respondent) {
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        String respondent = rs.getString("respondent_unit_code") != null ? rs.getString("respondent_unit_code")
                : rs.getString("respondent_name");
        return new Row(rs.getString("region_code"), rs.getString("lead_unit_code"), rs.getString("category_code"),
                rs.getString("channel"), rs.getString("status"), instant(rs, "registered_at"),
                instant(rs, "acceptance_due_at"), instant(rs, "decided_at"), instant(rs, "accepted_at"),
                instant(rs, "due_at"), instant(rs, "result_submitted_at"), instant(rs, "closed_at"),
                rs.getString("satisfaction"), rs.getInt("redo_count"), rs.getInt("extension_count"),
                rs.getInt("supervision_count"), rs.getInt("referral_count"),
                respondent == null ? null : respondent.length() > 200 ? respondent.substring(0, 200) : respondent);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : Indicators.ts(i);
    }

    private Integer month(Instant i) {
        if (i == null) {
            return null;
        }
        var d = i.atZone(zone);
        return d.getYear() * 100 + d.getMonthValue();
    }
}
