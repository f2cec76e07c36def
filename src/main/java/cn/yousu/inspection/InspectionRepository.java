package cn.yousu.inspection;

import cn.yousu.shared.ApiProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The storage of inspections, findings and their events: plain SQL. */
@Repository
class InspectionRepository {

    private static final String INSPECTION = """
            SELECT id, inspection_number, office_region_code, region_code, theme, title, content, unit_codes,
                   planned_start, planned_end, status, result_summary, published_at, created_by, created_at, version
            FROM inspection""";
    private static final String FINDING = """
            SELECT id, inspection_id, unit_code, description, requirement, working_days, due_at, status, measures,
                   reported_at, verified_at, verification, created_at, version
            FROM inspection_finding""";

    private final JdbcClient jdbc;

    InspectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(InspectionRecords.Inspection i) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO inspection (inspection_number, office_region_code, region_code, theme, title, content,
                       unit_codes, planned_start, planned_end, status, created_by, created_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(i.number(), i.officeRegionCode(), i.regionCode(), i.theme().name(), i.title(), i.content(),
                        String.join(",", i.unitCodes()), i.plannedStart(), i.plannedEnd(), i.status().name(),
                        i.createdBy(), utc(i.createdAt()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void publish(InspectionRecords.Inspection i, String summary, Instant at) {
        int changed = jdbc.sql("""
                UPDATE inspection SET status = 'PUBLISHED', result_summary = ?, published_at = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(summary, utc(at), i.id(), i.version()).update();
        if (changed != 1) {
            throw ApiProblem.concurrentChange();
        }
    }

    Optional<InspectionRecords.Inspection> find(long id) {
        return jdbc.sql(INSPECTION + " WHERE id = ?").param(id).query(InspectionRepository::inspection).optional();
    }

    List<InspectionRecords.Inspection> byOffices(Collection<String> regions) {
        if (regions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(INSPECTION + " WHERE office_region_code IN (:regions) ORDER BY id DESC")
                .param("regions", regions).query(InspectionRepository::inspection).list();
    }

    List<InspectionRecords.Inspection> withFindingsFor(String unitCode) {
        return jdbc.sql(INSPECTION + " WHERE id IN (SELECT inspection_id FROM inspection_finding WHERE unit_code = ?)"
                        + " ORDER BY id DESC")
                .param(unitCode).query(InspectionRepository::inspection).list();
    }

    List<InspectionRecords.Inspection> published() {
        return jdbc.sql(INSPECTION + " WHERE status = 'PUBLISHED' ORDER BY published_at DESC, id DESC")
                .query(InspectionRepository::inspection).list();
    }

    long insertFinding(long inspectionId, String unitCode, String description, String requirement, int workingDays,
            Instant dueAt, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO inspection_finding (inspection_id, unit_code, description, requirement, working_days,
                       due_at, status, created_at, version)
                VALUES (?, ?, ?, ?, ?, ?, 'RECTIFYING', ?, 0)""")
                .params(inspectionId, unitCode, description, requirement, workingDays, utc(dueAt), utc(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateFinding(InspectionRecords.Finding f) {
        int changed = jdbc.sql("""
                UPDATE inspection_finding SET status = ?, measures = ?, reported_at = ?, verified_at = ?,
                       verification = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(f.status().name(), f.measures(), f.reportedAt() == null ? null : utc(f.reportedAt()),
                        f.verifiedAt() == null ? null : utc(f.verifiedAt()), f.verification(), f.id(), f.version())
                .update();
        if (changed != 1) {
            throw ApiProblem.concurrentChange();
        }
    }

    Optional<InspectionRecords.Finding> finding(long id) {
        return jdbc.sql(FINDING + " WHERE id = ?").param(id).query(InspectionRepository::finding).optional();
    }

    List<InspectionRecords.Finding> findings(Collection<Long> inspectionIds) {
        if (inspectionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(FINDING + " WHERE inspection_id IN (:ids) ORDER BY inspection_id DESC, id")
                .param("ids", inspectionIds).query(InspectionRepository::finding).list();
    }

    void event(long inspectionId, Long findingId, String action, String comment, String actor, String actorName,
            String orgName, Instant at) {
        jdbc.sql("""
                INSERT INTO inspection_event (inspection_id, finding_id, action, comment, actor, actor_name, org_name, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(inspectionId, findingId, action, comment, actor, actorName, orgName, utc(at)).update();
    }

    List<InspectionRecords.Event> events(long inspectionId) {
        return jdbc.sql("""
                SELECT id, inspection_id, finding_id, action, comment, actor, actor_name, org_name, at
                FROM inspection_event WHERE inspection_id = ? ORDER BY at, id""")
                .param(inspectionId)
                .query((rs, n) -> {
                    Number finding = (Number) rs.getObject("finding_id");
                    return new InspectionRecords.Event(rs.getLong("id"), rs.getLong("inspection_id"),
                            finding == null ? null : finding.longValue(), rs.getString("action"),
                            rs.getString("comment"), rs.getString("actor"), rs.getString("actor_name"),
                            rs.getString("org_name"), instant(rs, "at"));
                })
                .list();
    }

    private static InspectionRecords.Inspection inspection(ResultSet rs, int row) throws SQLException {
        String units = rs.getString("unit_codes");
        return new InspectionRecords.Inspection(rs.getLong("id"), rs.getString("inspection_number"),
                rs.getString("office_region_code"), rs.getString("region_code"),
                InspectionTheme.valueOf(rs.getString("theme")), rs.getString("title"), rs.getString("content"),
                units == null || units.isBlank() ? List.of() : Arrays.asList(units.split(",")),
                rs.getObject("planned_start", LocalDate.class), rs.getObject("planned_end", LocalDate.class),
                InspectionStatus.valueOf(rs.getString("status")), rs.getString("result_summary"),
                instant(rs, "published_at"), rs.getString("created_by"), instant(rs, "created_at"),
                rs.getInt("version"));
    }

    private static InspectionRecords.Finding finding(ResultSet rs, int row) throws SQLException {
        return new InspectionRecords.Finding(rs.getLong("id"), rs.getLong("inspection_id"), rs.getString("unit_code"),
                rs.getString("description"), rs.getString("requirement"), rs.getInt("working_days"),
                instant(rs, "due_at"), FindingStatus.valueOf(rs.getString("status")), rs.getString("measures"),
                instant(rs, "reported_at"), instant(rs, "verified_at"), rs.getString("verification"),
                instant(rs, "created_at"), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
