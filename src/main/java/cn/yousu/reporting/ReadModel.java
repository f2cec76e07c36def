package cn.yousu.reporting;

import cn.yousu.casework.Case;
import cn.yousu.casework.CaseChanged;
import cn.yousu.casework.Respondent;
import cn.yousu.casework.TimelineEntry;
import cn.yousu.shared.WriteBatch;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps reporting's read model in step with the cases: on every {@link CaseChanged}, inside the transaction that
 * changed the case, the case's row of {@code report_case} is written anew from the case when one of its facts
 * changed; a visit with an answer adds a row to {@code report_visit}. What a failed transaction rolls back, the read
 * model never saw. It only writes (with the case's {@link WriteBatch}), never reads.
 */
@Component
class ReadModel {

    private final WriteBatch writes;
    private final ZoneId zone;
    private final MonthlySums sums;

    ReadModel(WriteBatch writes, ZoneId applicationZone, MonthlySums sums) {
        this.writes = writes;
        this.zone = applicationZone;
        this.sums = sums;
    }

    @EventListener
    void on(CaseChanged change) {
        refresh(change.before(), change.after());
        for (TimelineEntry e : change.recorded()) {
            if ("visit".equals(e.action()) || "evaluate".equals(e.action())) {
                visit(change.after(), e);
            }
        }
    }

    /**
     * Writes the case's fact row from the case as the change left it, and moves the monthly sums from what the case
     * contributed before to what it contributes now; a change that alters no fact (a note, a warning colour) writes
     * nothing. A new case's row is inserted.
     */
    void refresh(Case before, Case c) {
        Object[] facts = facts(c);
        if (before != null && Arrays.equals(facts, facts(before))) {
            return;
        }
        if (before == null) {
            insert(facts);
        } else {
            // an update in place: the row exists from registration on, and rewriting it would touch every index
            writes.write("""
                    UPDATE report_case SET region_code = ?, lead_unit_code = ?, category_code = ?, channel = ?,
                        status = ?, registered_at = ?, acceptance_due_at = ?, decided_at = ?, accepted_at = ?,
                        due_at = ?, result_submitted_at = ?, closed_at = ?, last_at = ?, registered_month = ?,
                        accepted_month = ?, due_month = ?, closed_month = ?, satisfaction = ?, redo_count = ?,
                        extension_count = ?, supervision_count = ?, referral_count = ?, respondent = ?
                    WHERE case_id = ?""", facts, () -> insert(facts));
        }
        sums.replace(before == null ? null : fact(before), fact(c));
    }

    private void insert(Object[] facts) {
        writes.write("""
                INSERT INTO report_case (region_code, lead_unit_code, category_code, channel, status, registered_at,
                    acceptance_due_at, decided_at, accepted_at, due_at, result_submitted_at, closed_at, last_at,
                    registered_month, accepted_month, due_month, closed_month, satisfaction, redo_count,
                    extension_count, supervision_count, referral_count, respondent, case_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", facts);
    }

    /** The values of the case's row of report_case, in the order of its statements (the case's id last). */
    private Object[] facts(Case c) {
        Instant last = Stream.of(c.registeredAt(), c.decidedAt(), c.acceptedAt(), c.dueAt(), c.resultSubmittedAt(),
                c.closedAt()).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElseThrow();
        Respondent r = c.respondent();
        String respondent = r == null ? null : r.unitCode() != null ? r.unitCode() : r.name();
        if (respondent != null && respondent.length() > 200) {
            respondent = respondent.substring(0, 200);
        }
        return new Object[] {c.regionCode(), c.leadUnitCode(), c.categoryCode(), c.channel().name(),
            c.status().name(), ts(c.registeredAt()), ts(c.acceptanceDueAt()), ts(c.decidedAt()), ts(c.acceptedAt()),
            ts(c.dueAt()), ts(c.resultSubmittedAt()), ts(c.closedAt()), ts(last), month(c.registeredAt()),
            month(c.acceptedAt()), month(c.dueAt()), month(c.closedAt()),
            c.satisfaction() == null ? null : c.satisfaction().name(), c.redoCount(), c.extensionCount(),
            c.supervisionCount(), c.referralCount(), respondent, c.id()};
    }

    private static MonthlySums.Fact fact(Case c) {
        return new MonthlySums.Fact(c.regionCode(), c.leadUnitCode(), c.categoryCode(), c.channel().name(),
                c.status().name(), c.registeredAt(), c.acceptanceDueAt(), c.decidedAt(), c.acceptedAt(), c.dueAt(),
                c.resultSubmittedAt(), c.closedAt(), c.satisfaction() == null ? null : c.satisfaction().name(),
                c.redoCount(), c.extensionCount(), c.supervisionCount(), c.referralCount());
    }

    /** A visit just recorded: its answer, from the timeline entry that records it. */
    private void visit(Case c, TimelineEntry e) {
        Map<String, Object> values = e.data() == null ? Map.of() : e.data();
        Object satisfaction = values.get("satisfaction");
        if (!Boolean.TRUE.equals(values.get("reached")) || satisfaction == null) {
            return;
        }
        cn.yousu.policy.Satisfaction level = cn.yousu.policy.Satisfaction.valueOf(satisfaction.toString());
        writes.write("""
                INSERT INTO report_visit (case_id, at, visit_month, satisfaction, satisfied) VALUES (?, ?, ?, ?, ?)""",
                c.id(), ts(e.at()), month(e.at()), level.name(), level.satisfied());
        sums.visit(fact(c), e.at(), level.satisfied());
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
