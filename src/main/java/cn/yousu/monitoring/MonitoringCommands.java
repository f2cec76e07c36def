package cn.yousu.monitoring;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The input of each monitoring action, as the API receives it (docs/api.md, 监测点与监督员). */
public final class MonitoringCommands {

    private MonitoringCommands() {
    }

    /** A recommendation or self-nomination, with the candidate's declarations on the eligibility rules. */
    public record Nominate(MemberKind kind, String regionCode, String name, MemberCategory category, String workUnit,
            LocalDate birthDate, String phone, String contactPerson, Nomination nomination, String recommendedBy,
            Boolean disciplinaryRecord, Boolean criminalRecord, Boolean dishonest) {
    }

    /** A review decision: {@code reviewer} names who reviewed (初审单位, 领导小组会议…). */
    public record Review(Boolean approve, String reviewer, String comment) {
    }

    public record Account(String username, String password) {
    }

    /** Ending a term early: dynamic exit or removal for misconduct, always with the reason. */
    public record End(String reason) {
    }

    public record Submit(Report.ReportKind kind, String title, String content, String request,
            String respondentUnitCode, String respondentName) {
    }

    public record MeetingDraft(String title, String theme, OffsetDateTime heldAt, String location,
            List<Long> memberIds, List<String> units) {
    }

    public record Attendance(List<Entry> entries) {

        public record Entry(Long memberId, Boolean present) {
        }
    }

    public record TaskListDraft(String title, List<Long> reportIds, String requirements) {
    }
}
