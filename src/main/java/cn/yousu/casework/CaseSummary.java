package cn.yousu.casework;

import java.time.Instant;

/** What duplicate screening compares of an earlier case: its text, status, date and respondent key. */
public record CaseSummary(String number, String title, String facts, String request, CaseStatus status,
        Instant registeredAt, String respondentKey) {
}
