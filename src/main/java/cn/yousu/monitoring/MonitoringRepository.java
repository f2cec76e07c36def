package cn.yousu.monitoring;

import cn.yousu.shared.ApiProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The storage of the monitoring registry: plain SQL. */
@Repository
class MonitoringRepository {

    private static final String MEMBER_COLUMNS = """
            id, kind, region_code, name, category, work_unit, birth_date, phone, contact_person, nomination,
            recommended_by, disciplinary_record, criminal_record, dishonest, status, number_issued, term_start,
            term_end, username, ended_reason, ended_at, nominated_at, version""";

    private final JdbcClient jdbc;

    MonitoringRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Member m) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO monitor_member (kind, region_code, name, category, work_unit, birth_date, phone,
                       contact_person, nomination, recommended_by, disciplinary_record, criminal_record, dishonest,
                       status, nominated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(m.kind().name(), m.regionCode(), m.name(), m.category().name(), m.workUnit(), m.birthDate(),
                        m.phone(), m.contactPerson(), m.nomination().name(), m.recommendedBy(),
                        m.disciplinaryRecord(), m.criminalRecord(), m.dishonest(), m.storedStatus().name(),
                        utc(m.nominatedAt()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Stores the changeable part of a member; 409 when someone else changed it since it was read. */
    void update(Member m) {
        int changed = jdbc.sql("""
                UPDATE monitor_member SET status = ?, number_issued = ?, term_start = ?, term_end = ?, username = ?,
                       ended_reason = ?, ended_at = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(m.storedStatus().name(), m.numberIssued(), m.termStart(), m.termEnd(), m.username(),
                        m.endedReason(), m.endedAt() == null ? null : utc(m.endedAt()), m.id(), m.version())
                .update();
        if (changed != 1) {
            throw ApiProblem.concurrentChange();
        }
    }

    Optional<Member> find(long id) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " FROM monitor_member WHERE id = ?").param(id)
                .query(MonitoringRepository::member).optional();
    }

    Optional<Member> findByUsername(String username) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " FROM monitor_member WHERE username = ?").param(username)
                .query(MonitoringRepository::member).optional();
    }

    /** Members registered in any of {@code regions}, newest first. */
    List<Member> inRegions(Collection<String> regions) {
        if (regions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " FROM monitor_member WHERE region_code IN (:regions)"
                        + " ORDER BY id DESC")
                .param("regions", regions).query(MonitoringRepository::member).list();
    }

    void step(long memberId, String step, Boolean approved, String reviewer, String comment, String actor,
            String actorName, Instant at) {
        jdbc.sql("""
                INSERT INTO monitor_step (member_id, step, approved, reviewer, comment, actor, actor_name, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(memberId, step, approved, reviewer, comment, actor, actorName, utc(at)).update();
    }

    List<Step> steps(long memberId) {
        return jdbc.sql("""
                SELECT id, member_id, step, approved, reviewer, comment, actor, actor_name, at
                FROM monitor_step WHERE member_id = ? ORDER BY at, id""")
                .param(memberId)
                .query((rs, i) -> new Step(rs.getLong("id"), rs.getLong("member_id"), rs.getString("step"),
                        MonitoringService.stepName(rs.getString("step")), (Boolean) rs.getObject("approved"),
                        rs.getString("reviewer"), rs.getString("comment"), rs.getString("actor"),
                        rs.getString("actor_name"), instant(rs, "at")))
                .list();
    }

    // ------------------------------------------------------------------ reports

    long insertReport(long memberId, Report.ReportKind kind, String title, String caseNumber, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO monitor_report (member_id, kind, title, case_number, submitted_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(memberId, kind.name(), title, caseNumber, utc(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    List<Report> reportsOf(long memberId) {
        return jdbc.sql(REPORT_SELECT + " WHERE member_id = ? ORDER BY submitted_at DESC, id DESC").param(memberId)
                .query(MonitoringRepository::report).list();
    }

    Optional<Report> report(long id) {
        return jdbc.sql(REPORT_SELECT + " WHERE id = ?").param(id).query(MonitoringRepository::report).optional();
    }

    /** Reports of the members {@code memberIds} submitted in [from, to). */
    List<Report> reportsBetween(Collection<Long> memberIds, Instant from, Instant to) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(REPORT_SELECT + " WHERE member_id IN (:ids) AND submitted_at >= :from AND submitted_at < :to")
                .param("ids", memberIds).param("from", utc(from)).param("to", utc(to))
                .query(MonitoringRepository::report).list();
    }

    Map<Long, Integer> reportCounts(Collection<Long> memberIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (memberIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT member_id, COUNT(*) AS reports FROM monitor_report WHERE member_id IN (:ids) GROUP BY member_id")
                .param("ids", memberIds)
                .query((rs, i) -> counts.put(rs.getLong("member_id"), rs.getInt("reports"))).list();
        return counts;
    }

    /** The last report of each of {@code memberIds}. */
    Map<Long, Instant> lastReports(Collection<Long> memberIds) {
        Map<Long, Instant> last = new HashMap<>();
        if (memberIds.isEmpty()) {
            return last;
        }
        jdbc.sql("SELECT member_id, MAX(submitted_at) AS last_at FROM monitor_report WHERE member_id IN (:ids)"
                        + " GROUP BY member_id")
                .param("ids", memberIds)
                .query((rs, i) -> last.put(rs.getLong("member_id"), instant(rs, "last_at"))).list();
        return last;
    }

    /** Suggestions of members in {@code regions} not yet on a task list, oldest first. */
    List<Report> openSuggestions(Collection<String> regions) {
        if (regions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(REPORT_SELECT + " " + """
                 WHERE kind = 'SUGGESTION' AND task_list_id IS NULL
                   AND member_id IN (SELECT id FROM monitor_member WHERE region_code IN (:regions))
                 ORDER BY submitted_at, id""")
                .param("regions", regions).query(MonitoringRepository::report).list();
    }

    long insertTaskList(String regionCode, String listNumber, String title, String caseNumber, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO monitor_task_list (region_code, list_number, title, case_number, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(regionCode, listNumber, title, caseNumber, by, utc(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void putOnTaskList(long reportId, long taskListId) {
        int changed = jdbc.sql("UPDATE monitor_report SET task_list_id = ? WHERE id = ? AND task_list_id IS NULL")
                .params(taskListId, reportId).update();
        if (changed != 1) {
            throw ApiProblem.concurrentChange();
        }
    }

    List<MonitoringService.TaskList> taskLists(Collection<String> regions) {
        if (regions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT t.id, t.region_code, t.list_number, t.title, t.case_number, t.created_by, t.created_at,
                       (SELECT COUNT(*) FROM monitor_report r WHERE r.task_list_id = t.id) AS items
                FROM monitor_task_list t WHERE t.region_code IN (:regions) ORDER BY t.id DESC""")
                .param("regions", regions)
                .query((rs, i) -> new MonitoringService.TaskList(rs.getLong("id"), rs.getString("region_code"),
                        rs.getString("list_number"), rs.getString("title"), rs.getString("case_number"),
                        rs.getString("created_by"), instant(rs, "created_at"), rs.getInt("items")))
                .list();
    }

    // ------------------------------------------------------------------ meetings

    long insertMeeting(String regionCode, String title, String theme, Instant heldAt, String location, String units,
            String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO monitor_meeting (region_code, title, theme, held_at, location, units, attendance_recorded,
                                             created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, ?)""")
                .params(regionCode, title, theme, utc(heldAt), location, units, by, utc(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void invite(long meetingId, long memberId) {
        jdbc.sql("INSERT INTO monitor_invitation (meeting_id, member_id) VALUES (?, ?)").params(meetingId, memberId)
                .update();
    }

    void attendance(long meetingId, long memberId, boolean present) {
        jdbc.sql("UPDATE monitor_invitation SET attendance = ? WHERE meeting_id = ? AND member_id = ?")
                .params(present ? "PRESENT" : "ABSENT", meetingId, memberId).update();
        jdbc.sql("UPDATE monitor_meeting SET attendance_recorded = TRUE WHERE id = ?").param(meetingId).update();
    }

    List<MonitoringService.Meeting> meetings(Collection<String> regions) {
        if (regions.isEmpty()) {
            return List.of();
        }
        List<MonitoringService.Meeting> meetings = jdbc.sql("""
                SELECT id, region_code, title, theme, held_at, location, units, attendance_recorded
                FROM monitor_meeting WHERE region_code IN (:regions) ORDER BY held_at DESC, id DESC""")
                .param("regions", regions).query(MonitoringRepository::meeting).list();
        return meetings;
    }

    Optional<MonitoringService.Meeting> meeting(long id) {
        return jdbc.sql("""
                SELECT id, region_code, title, theme, held_at, location, units, attendance_recorded
                FROM monitor_meeting WHERE id = ?""")
                .param(id).query(MonitoringRepository::meeting).optional();
    }

    List<MonitoringService.Invitation> invitations(long meetingId) {
        return jdbc.sql("""
                SELECT i.member_id, m.name, m.kind, i.attendance FROM monitor_invitation i
                JOIN monitor_member m ON m.id = i.member_id WHERE i.meeting_id = ? ORDER BY m.name, i.member_id""")
                .param(meetingId)
                .query((rs, n) -> new MonitoringService.Invitation(rs.getLong("member_id"), rs.getString("name"),
                        MemberKind.valueOf(rs.getString("kind")), rs.getString("attendance")))
                .list();
    }

    /** How often each member was recorded absent from meetings held since {@code since}. */
    Map<Long, Integer> absences(Collection<Long> memberIds, Instant since) {
        Map<Long, Integer> counts = new HashMap<>();
        if (memberIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                SELECT i.member_id, COUNT(*) AS absent FROM monitor_invitation i
                JOIN monitor_meeting g ON g.id = i.meeting_id
                WHERE i.member_id IN (:ids) AND i.attendance = 'ABSENT' AND g.held_at >= :since
                GROUP BY i.member_id""")
                .param("ids", memberIds).param("since", utc(since))
                .query((rs, i) -> counts.put(rs.getLong("member_id"), rs.getInt("absent"))).list();
        return counts;
    }

    // ------------------------------------------------------------------ mapping

    private static final String REPORT_SELECT = """
            SELECT id, member_id, kind, title, case_number, task_list_id, submitted_at FROM monitor_report""";

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getLong("id"), MemberKind.valueOf(rs.getString("kind")), rs.getString("region_code"),
                rs.getString("name"), MemberCategory.valueOf(rs.getString("category")), rs.getString("work_unit"),
                rs.getObject("birth_date", LocalDate.class), rs.getString("phone"), rs.getString("contact_person"),
                Nomination.valueOf(rs.getString("nomination")), rs.getString("recommended_by"),
                rs.getBoolean("disciplinary_record"), rs.getBoolean("criminal_record"), rs.getBoolean("dishonest"),
                MemberStatus.valueOf(rs.getString("status")), rs.getString("number_issued"),
                rs.getObject("term_start", LocalDate.class), rs.getObject("term_end", LocalDate.class),
                rs.getString("username"), rs.getString("ended_reason"), instant(rs, "ended_at"),
                instant(rs, "nominated_at"), rs.getInt("version"));
    }

    private static Report report(ResultSet rs, int row) throws SQLException {
        Number list = (Number) rs.getObject("task_list_id");
        return new Report(rs.getLong("id"), rs.getLong("member_id"), Report.ReportKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("case_number"), list == null ? null : list.longValue(),
                instant(rs, "submitted_at"));
    }

    private static MonitoringService.Meeting meeting(ResultSet rs, int row) throws SQLException {
        String units = rs.getString("units");
        return new MonitoringService.Meeting(rs.getLong("id"), rs.getString("region_code"), rs.getString("title"),
                rs.getString("theme"), instant(rs, "held_at"), rs.getString("location"),
                units == null || units.isBlank() ? List.of() : List.of(units.split("\n")),
                rs.getBoolean("attendance_recorded"), new ArrayList<>());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
