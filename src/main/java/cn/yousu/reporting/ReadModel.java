package cn.yousu.reporting;

import cn.yousu.casework.Case;
import cn.yousu.casework.CaseActivity;
import cn.yousu.casework.CaseService;
import cn.yousu.casework.Respondent;
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
 * changed the case, the case's row of {@code report_case} is written anew from the case; a visit with an
 * answer adds a row to {@code report_visit}. What a failed transaction rolls back, the read model never saw.
 */
@Component
class ReadModel {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final CaseService cases;
    private final ZoneId zone;
    private final JsonMapper json;
    private final MonthlySums sums;

    ReadModel(JdbcClient jdbc, CaseService cases, ZoneId applicationZone, JsonMapper json, MonthlySums sums) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.zone = applicationZone;
        this.json = json;
        this.sums = sums;
    }

    @EventListener
    void on(CaseActivity activity) {
        refresh(activity.caseId());
        if ("visit".equals(activity.action()) || "evaluate".equals(activity.action())) {
            visit(activity);
        }
    }

    /** Writes the case's fact row anew from the case as its action left it, and moves the monthly sums with it. */
    void refresh(long caseId) {
        MonthlySums.Fact before = storedFact(caseId);
        Case c = cases.forSystem(caseId).orElse(null);
        if (c == null) {
            jdbc.sql("DELETE FROM report_case WHERE case_id = ?").param(caseId).update();
            sums.replace(before, null);
            return;
        }
        Instant last = Stream.of(c.registeredAt(), c.decidedAt(), c.acceptedAt(), c.dueAt(), c.resultSubmittedAt(),
                c.closedAt()).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElseThrow();
        Respondent r = c.respondent();
        String respondent = r == null ? null : r.unitCode() != null ? r.unitCode() : r.name();
        if (respondent != null && respondent.length() > 200) {
            respondent = respondent.substring(0, 200);
        }
        Object[] facts = {c.regionCode(), c.leadUnitCode(), c.categoryCode(), c.channel().name(), c.status().name(),
                ts(c.registeredAt()), ts(c.acceptanceDueAt()), ts(c.decidedAt()), ts(c.acceptedAt()), ts(c.dueAt()),
                ts(c.resultSubmittedAt()), ts(c.closedAt()), ts(last), month(c.registeredAt()), month(c.acceptedAt()),
                month(c.dueAt()), month(c.closedAt()), c.satisfaction() == null ? null : c.satisfaction().name(),
                c.redoCount(), c.extensionCount(), c.supervisionCount(), c.referralCount(), respondent, caseId};
        // an update in place: the row exists from registration on, and rewriting it would touch every index
        int updated = jdbc.sql("""
                UPDATE report_case SET region_code = ?, lead_unit_code = ?, category_code = ?, channel = ?, status = ?,
                    registered_at = ?, acceptance_due_at = ?, decided_at = ?, accepted_at = ?, due_at = ?,
                    result_submitted_at = ?, closed_at = ?, last_at = ?, registered_month = ?, accepted_month = ?,
                    due_month = ?, closed_month = ?, satisfaction = ?, redo_count = ?, extension_count = ?,
                    supervision_count = ?, referral_count = ?, respondent = ?
                WHERE case_id = ?""").params(facts).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO report_case (region_code, lead_unit_code, category_code, channel, status,
                        registered_at, acceptance_due_at, decided_at, accepted_at, due_at, result_submitted_at, closed_at,
                        last_at, registered_month, accepted_month, due_month, closed_month, satisfaction, redo_count,
                        extension_count, supervision_count, referral_count, respondent, case_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(facts).update();
        }
        sums.replace(before, new MonthlySums.Fact(c.regionCode(), c.leadUnitCode(), c.categoryCode(),
                c.channel().name(), c.status().name(), c.registeredAt(), c.acceptanceDueAt(), c.decidedAt(),
                c.acceptedAt(), c.dueAt(), c.resultSubmittedAt(), c.closedAt(),
                c.satisfaction() == null ? null : c.satisfaction().name(), c.redoCount(), c.extensionCount(),
                c.supervisionCount(), c.referralCount()));
    }

    /** The case's row of the read model as it stands, or null. */
    private MonthlySums.Fact storedFact(long caseId) {
        return jdbc.sql("""
                SELECT region_code, lead_unit_code, category_code, channel, status, registered_at, acceptance_due_at,
                       decided_at, accepted_at, due_at, result_submitted_at, closed_at, satisfaction, redo_count,
                       extension_count, supervision_count, referral_count
                FROM report_case WHERE case_id = ?""").param(caseId).query((rs, n) -> new MonthlySums.Fact(
                        rs.getString("region_code"), rs.getString("lead_unit_code"), rs.getString("category_code"),
                        rs.getString("channel"), rs.getString("status"), instant(rs, "registered_at"),
                        instant(rs, "acceptance_due_at"), instant(rs, "decided_at"), instant(rs, "accepted_at"),
                        instant(rs, "due_at"), instant(rs, "result_submitted_at"), instant(rs, "closed_at"),
                        rs.getString("satisfaction"), rs.getInt("redo_count"), rs.getInt("extension_count"),
                        rs.getInt("supervision_count"), rs.getInt("referral_count"))).optional().orElse(null);
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
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
        sums.visit(storedFact(activity.caseId()), activity.at(), level.satisfied());
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
