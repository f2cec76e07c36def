package cn.yousu.hearing;

import cn.yousu.casework.Case;
import cn.yousu.casework.CaseService;
import cn.yousu.casework.Complexity;
import cn.yousu.identity.Actor;
import cn.yousu.organization.Organization;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.Validation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hearings: scheduled by the office handling a case (a difficult case — 疑难复杂 — or one the office declares major,
 * with its reason), then held and recorded, or cancelled. Each step is one entry on the case's timeline.
 */
@Service
public class HearingService {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public enum Status {
        SCHEDULED("已安排"), HELD("已举行"), CANCELLED("已取消");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** {@code majorReason}: why a case that is not 疑难复杂 is major enough for a hearing. */
    public record Schedule(String subject, String majorReason, OffsetDateTime scheduledAt, String location,
            String presiding, List<String> participants, List<String> unitCodes, Boolean openToPublic) {
    }

    /** One question asked at the hearing, who asked it and the answer given. */
    public record Question(String askedBy, String question, String answer) {
    }

    public record Record(List<Question> questions, String findings, String outcome) {
    }

    public record Cancel(String reason) {
    }

    public record Hearing(long id, String caseNumber, String subject, String reason, OffsetDateTime scheduledAt,
            String location, String presiding, List<String> participants, List<String> unitCodes,
            List<String> unitNames, boolean openToPublic, Status status, String statusName, List<Question> questions,
            String findings, String outcome, String closingNote, String createdBy, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;
    private final CaseService cases;
    private final OrganizationDirectory directory;
    private final Clock clock;
    private final ZoneId zone;

    HearingService(JdbcClient jdbc, CaseService cases, OrganizationDirectory directory, Clock clock,
            ZoneId applicationZone) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.directory = directory;
        this.clock = clock;
        this.zone = applicationZone;
    }

    @Transactional
    public Hearing schedule(String caseNumber, Schedule in, Actor actor) {
        requireOffice(actor);
        Case c = cases.get(caseNumber, actor);
        Schedule s = in == null ? new Schedule(null, null, null, null, null, null, null, null) : in;
        if (c.complexity() != Complexity.COMPLEX && blank(s.majorReason())) {
            throw ApiProblem.invalid("majorReason", "听证适用于重大、疑难案件：本案复杂程度为「"
                    + (c.complexity() == null ? "未定" : c.complexity().label()) + "」，请写明属于重大问题的理由");
        }
        Validation v = Validation.start();
        v.required(s.subject(), "subject", "听证事项");
        v.maxLength(s.subject(), 200, "subject", "听证事项");
        v.maxLength(s.majorReason(), 1000, "majorReason", "理由");
        v.required(s.scheduledAt(), "scheduledAt", "听证时间");
        v.check(s.scheduledAt() != null && s.scheduledAt().toInstant().isBefore(clock.instant()), "scheduledAt",
                "听证时间不能早于现在");
        v.required(s.location(), "location", "地点");
        v.maxLength(s.location(), 200, "location", "地点");
        v.required(s.presiding(), "presiding", "主持人");
        v.maxLength(s.presiding(), 100, "presiding", "主持人");
        List<String> participants = s.participants() == null ? List.of()
                : s.participants().stream().filter(p -> !blank(p)).map(String::trim).toList();
        v.check(participants.isEmpty(), "participants", "请列出参加听证的人员（诉求人、被投诉单位等）");
        for (int i = 0; i < participants.size(); i++) {
            v.maxLength(participants.get(i), 100, "participants[" + i + "]", "参加人");
        }
        List<String> units = s.unitCodes() == null ? List.of() : s.unitCodes();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            Organization unit = units.get(i) == null ? null : directory.organization(units.get(i)).orElse(null);
            v.check(unit == null || !unit.isUnit(), "unitCodes[" + i + "]", "单位不存在");
            v.check(units.get(i) != null && !seen.add(units.get(i)), "unitCodes[" + i + "]", "重复");
        }
        v.throwIfInvalid();
        Instant now = clock.instant();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO hearing (case_number, office_region_code, subject, reason, scheduled_at, location, presiding,
                       participants, unit_codes, open_to_public, status, created_by, created_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?, 0)""")
                .params(c.number(), c.officeRegionCode(), s.subject().trim(), trim(s.majorReason()),
                        utc(s.scheduledAt().toInstant()), s.location().trim(), s.presiding().trim(),
                        String.join("\n", participants), String.join(",", units), !Boolean.FALSE.equals(s.openToPublic()),
                        actor.username(), utc(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        String when = s.scheduledAt().atZoneSameInstant(zone).format(WHEN);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hearingId", id);
        data.put("scheduledAt", s.scheduledAt().toString());
        data.put("unitCodes", units);
        cases.annotate(c.number(), actor, "hearing-scheduled", "听证「" + s.subject().trim() + "」定于 " + when + " 在"
                + s.location().trim() + "举行，主持人 " + s.presiding().trim() + "；参加人：" + String.join("、", participants)
                + (units.isEmpty() ? "" : "；邀请单位：" + String.join("、", units.stream()
                        .map(directory::organizationName).toList())), data,
                "已安排听证，定于 " + when + " 在" + s.location().trim() + "举行");
        return get(id, actor);
    }

    /** Records the hearing once it has begun: the questions, the findings and the outcome. */
    @Transactional
    public Hearing record(long id, Record in, Actor actor) {
        Hearing h = get(id, actor);
        if (h.status() != Status.SCHEDULED) {
            throw ApiProblem.conflict("当前状态为「" + h.status().label() + "」(" + h.status().name() + ")，不能登记听证情况");
        }
        if (h.scheduledAt().toInstant().isAfter(clock.instant())) {
            throw ApiProblem.conflict("听证定于 " + h.scheduledAt().atZoneSameInstant(zone).format(WHEN)
                    + " 举行，尚未开始");
        }
        Record r = in == null ? new Record(null, null, null) : in;
        Validation v = Validation.start();
        List<Question> questions = r.questions() == null ? List.of() : r.questions();
        v.check(questions.isEmpty(), "questions", "请记录听证中的质询和答复");
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            v.check(q == null || blank(q.askedBy()), "questions[" + i + "].askedBy", "提问人不能为空");
            v.check(q == null || blank(q.question()), "questions[" + i + "].question", "问题不能为空");
            if (q != null) {
                v.maxLength(q.askedBy(), 100, "questions[" + i + "].askedBy", "提问人");
                v.maxLength(q.question(), 1000, "questions[" + i + "].question", "问题");
                v.maxLength(q.answer(), 1000, "questions[" + i + "].answer", "答复");
            }
        }
        v.required(r.findings(), "findings", "查明的事实和责任");
        v.maxLength(r.findings(), 4000, "findings", "查明的事实和责任");
        v.required(r.outcome(), "outcome", "听证结论");
        v.maxLength(r.outcome(), 2000, "outcome", "听证结论");
        v.throwIfInvalid();
        List<String> lines = new ArrayList<>();
        for (Question q : questions) {
            lines.add(q.askedBy().trim() + "\t" + q.question().trim().replace('\n', ' ') + "\t"
                    + (q.answer() == null ? "" : q.answer().trim().replace('\n', ' ')));
        }
        update(h, Status.HELD, String.join("\n", lines), r.findings().trim(), r.outcome().trim(), null);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hearingId", id);
        data.put("questions", questions.size());
        cases.annotate(h.caseNumber(), actor, "hearing-held", "听证「" + h.subject() + "」已举行，质询 " + questions.size()
                + " 项。查明：" + r.findings().trim() + "；结论：" + r.outcome().trim(), data,
                "听证已举行，结论：" + r.outcome().trim());
        return get(id, actor);
    }

    @Transactional
    public Hearing cancel(long id, Cancel in, Actor actor) {
        Hearing h = get(id, actor);
        if (h.status() != Status.SCHEDULED) {
            throw ApiProblem.conflict("当前状态为「" + h.status().label() + "」(" + h.status().name() + ")，不能取消");
        }
        String reason = in == null ? null : in.reason();
        Validation.start().required(reason, "reason", "取消理由").maxLength(reason, 1000, "reason", "取消理由")
                .throwIfInvalid();
        update(h, Status.CANCELLED, null, null, null, reason.trim());
        cases.annotate(h.caseNumber(), actor, "hearing-cancelled", "听证「" + h.subject() + "」取消：" + reason.trim(),
                Map.of("hearingId", id), "原定的听证已取消");
        return get(id, actor);
    }

    @Transactional(readOnly = true)
    public Hearing get(long id, Actor actor) {
        requireOffice(actor);
        Hearing h = jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::hearing).optional()
                .orElseThrow(() -> ApiProblem.notFound("没有编号为 " + id + " 的听证，或您无权查看"));
        try {
            cases.get(h.caseNumber(), actor);
        } catch (ApiProblem outOfScope) {
            throw ApiProblem.notFound("没有编号为 " + id + " 的听证，或您无权查看");
        }
        return h;
    }

    /** The hearings of a case ({@code caseNumber}), or all of the caller's region and below, latest first. */
    @Transactional(readOnly = true)
    public List<Hearing> list(Actor actor, String caseNumber) {
        requireOffice(actor);
        if (!blank(caseNumber)) {
            cases.get(caseNumber, actor);
            return jdbc.sql(SELECT + " WHERE case_number = ? ORDER BY scheduled_at DESC, id DESC").param(caseNumber)
                    .query(this::hearing).list();
        }
        return jdbc.sql(SELECT + " ORDER BY scheduled_at DESC, id DESC").query((rs, n) -> row(rs)).list().stream()
                .filter(h -> directory.isWithin(h.regionCode(), actor.regionCode()))
                .map(HearingRow::hearing).toList();
    }

    /** A public hearing as the portal announces it: what, when, where; no case number, no names. */
    public record Announcement(String subject, OffsetDateTime scheduledAt, String location, String regionName) {
    }

    /** Public hearings still to be held (听证应当公开举行), soonest first. */
    @Transactional(readOnly = true)
    public List<Announcement> announcements() {
        return jdbc.sql(SELECT + " WHERE status = 'SCHEDULED' AND open_to_public = TRUE AND scheduled_at >= ?"
                        + " ORDER BY scheduled_at, id")
                .param(utc(clock.instant()))
                .query((rs, n) -> row(rs)).list().stream()
                .map(r -> new Announcement(r.hearing().subject(), r.hearing().scheduledAt(), r.hearing().location(),
                        directory.regionName(r.regionCode())))
                .toList();
    }

    // ------------------------------------------------------------------ machinery

    private static final String SELECT = """
            SELECT id, case_number, office_region_code, subject, reason, scheduled_at, location, presiding,
                   participants, unit_codes, open_to_public, status, questions, findings, outcome, closing_note,
                   created_by, created_at, version
            FROM hearing""";

    /** A stored hearing with the office region the view leaves out. */
    private record HearingRow(Hearing hearing, String regionCode) {
    }

    private void update(Hearing h, Status status, String questions, String findings, String outcome, String note) {
        int version = jdbc.sql("SELECT version FROM hearing WHERE id = ?").param(h.id()).query(Integer.class).single();
        int changed = jdbc.sql("""
                UPDATE hearing SET status = ?, questions = ?, findings = ?, outcome = ?, closing_note = ?,
                       version = version + 1
                WHERE id = ? AND version = ? AND status = 'SCHEDULED'""")
                .params(status.name(), questions, findings, outcome, note, h.id(), version).update();
        if (changed != 1) {
            throw ApiProblem.concurrentChange();
        }
    }

    private Hearing hearing(ResultSet rs, int row) throws SQLException {
        return row(rs).hearing();
    }

    private HearingRow row(ResultSet rs) throws SQLException {
        String units = rs.getString("unit_codes");
        List<String> unitCodes = units == null || units.isBlank() ? List.of() : Arrays.asList(units.split(","));
        List<Question> questions = new ArrayList<>();
        String q = rs.getString("questions");
        if (q != null && !q.isBlank()) {
            for (String line : q.split("\n")) {
                String[] parts = line.split("\t", -1);
                questions.add(new Question(parts[0], parts.length > 1 ? parts[1] : "",
                        parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null));
            }
        }
        Status status = Status.valueOf(rs.getString("status"));
        Hearing h = new Hearing(rs.getLong("id"), rs.getString("case_number"), rs.getString("subject"),
                rs.getString("reason"), at(rs, "scheduled_at"), rs.getString("location"), rs.getString("presiding"),
                Arrays.asList(rs.getString("participants").split("\n")), unitCodes,
                unitCodes.stream().map(directory::organizationName).toList(), rs.getBoolean("open_to_public"), status,
                status.label(), questions, rs.getString("findings"), rs.getString("outcome"),
                rs.getString("closing_note"), rs.getString("created_by"), at(rs, "created_at"));
        return new HearingRow(h, rs.getString("office_region_code"));
    }

    private OffsetDateTime at(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant().atZone(zone).toOffsetDateTime();
    }

    private static void requireOffice(Actor actor) {
        if (!actor.inOffice()) {
            throw ApiProblem.forbidden("只有营商办工作人员可以组织听证");
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }
}
