package cn.yousu.supervision;

import cn.yousu.shared.Databases;
import cn.yousu.casework.CaseActivity;
import cn.yousu.casework.CaseDetails;
import cn.yousu.casework.CaseService;
import cn.yousu.casework.SupervisionLevel;
import cn.yousu.identity.Actor;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.organization.Region;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.WriteBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision record of the units (督办记录): each supervision issued on a case, at which level, by hand or
 * automatically, and whether and when the unit replied; written with the case's action, read per unit or office.
 */
@Service
public class SupervisionRecords {

    /** One supervision as the record lists it. */
    public record Entry(String caseNumber, long supervisionId, String unitCode, String unitName,
            String officeRegionCode, SupervisionLevel level, String noticeNumber, boolean automatic, Instant issuedAt,
            Instant replyDueAt, Instant repliedAt) {
        /** Replied after the deadline, or not replied and the deadline passed. */
        public boolean late(Instant now) {
            return replyDueAt != null && (repliedAt == null ? now.isAfter(replyDueAt) : repliedAt.isAfter(replyDueAt));
        }
    }

    private final JdbcClient jdbc;
    private final CaseService cases;
    private final OrganizationDirectory directory;
    private final WriteBatch writes;

    SupervisionRecords(JdbcClient jdbc, CaseService cases, OrganizationDirectory directory, WriteBatch writes) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.cases = cases;
        this.directory = directory;
    }

    @EventListener
    void onActivity(CaseActivity a) {
        if (!a.action().equals("supervise") && !a.action().equals("reply-supervision")) {
            return;
        }
        cases.forSystem(a.caseId()).ifPresent(c -> {
            for (CaseDetails.Supervision s : c.details().supervisions()) {
                Object[] insert = {c.id(), s.id(), c.number(), s.unitCode(), c.officeRegionCode(), s.level().name(),
                    s.number(), s.automatic(), DeadlineClocks.ts(s.issuedAt()), DeadlineClocks.ts(s.replyDueAt()),
                    DeadlineClocks.ts(s.repliedAt())};
                writes.write("UPDATE supervision_record SET replied_at = ? WHERE case_id = ? AND supervision_id = ?",
                        new Object[] {DeadlineClocks.ts(s.repliedAt()), c.id(), s.id()}, () -> writes.write("""
                                INSERT INTO supervision_record (case_id, supervision_id, case_number, unit_code,
                                    office_region_code, level, notice_number, automatic, issued_at, reply_due_at,
                                    replied_at)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", insert));
            }
        });
    }

    /**
     * The record {@code actor} may see, newest first: a unit its own, an office or government its region and below,
     * optionally of one unit.
     */
    @Transactional(readOnly = true)
    public List<Entry> of(Actor actor, String unitCode, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        if (actor.inUnit()) {
            if (unitCode != null && !unitCode.equals(actor.orgCode())) {
                throw ApiProblem.forbidden("承办单位只能查看本单位的督办记录");
            }
            where.append("unit_code = ?");
            params.add(actor.orgCode());
        } else if (actor.inOffice() || actor.inGovernment()) {
            List<String> regions = directory.regions().stream().map(Region::code)
                    .filter(code -> directory.isWithin(code, actor.regionCode())).toList();
            if (regions.isEmpty()) {
                return List.of();
            }
            where.append("office_region_code IN (").append(Databases.placeholders(regions.size()))
                    .append(")");
            params.addAll(regions);
            if (unitCode != null) {
                where.append(" AND unit_code = ?");
                params.add(unitCode);
            }
        } else {
            throw ApiProblem.forbidden("督办记录仅对营商办、政府和承办单位开放");
        }
        return jdbc.sql("""
                SELECT case_number, supervision_id, unit_code, office_region_code, level, notice_number, automatic,
                    issued_at, reply_due_at, replied_at FROM supervision_record WHERE\s""" + where
                + " ORDER BY issued_at DESC, case_number FETCH FIRST " + Math.max(1, Math.min(limit, 1000))
                + " ROWS ONLY")
                .params(params)
                .query((rs, n) -> new Entry(rs.getString("case_number"), rs.getLong("supervision_id"),
                        rs.getString("unit_code"), unitName(rs.getString("unit_code")),
                        rs.getString("office_region_code"),
                        SupervisionLevel.valueOf(rs.getString("level")), rs.getString("notice_number"),
                        rs.getBoolean("automatic"), DeadlineClocks.instant(rs, "issued_at"),
                        DeadlineClocks.instant(rs, "reply_due_at"), DeadlineClocks.instant(rs, "replied_at")))
                .list();
    }

    /** The unit's name as the directory has it now (a renamed unit shows its new name); the code when unknown. */
    private String unitName(String unitCode) {
        return unitCode == null ? null : directory.organizationName(unitCode);
    }
}
