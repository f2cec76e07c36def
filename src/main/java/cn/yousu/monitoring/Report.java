package cn.yousu.monitoring;

import java.time.Instant;

/** A problem or suggestion a member reported; it became the case {@code caseNumber}. */
public record Report(long id, long memberId, ReportKind kind, String title, String caseNumber, Long taskListId,
        Instant submittedAt) {

    /** 问题信息 (at least one a quarter) or 意见建议 (at least two a year). */
    public enum ReportKind {
        PROBLEM("问题信息"), SUGGESTION("意见建议");

        private final String label;

        ReportKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
