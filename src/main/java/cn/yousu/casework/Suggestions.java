package cn.yousu.casework;

import java.time.Instant;
import java.util.List;

/**
 * What screening at registration suggests; the officer decides (DESIGN §5). {@code missingConditions} names
 * the Dalian art. 7 conditions that look unmet; {@code rejectionReasons} reasons that seem to apply.
 */
public record Suggestions(List<String> missingConditions, List<String> rejectionReasons, List<Duplicate> duplicates,
        String categoryCode, String unitCode, List<String> notes) {

    public static Suggestions none() {
        return new Suggestions(List.of(), List.of(), List.of(), null, null, List.of());
    }

    /** A probable duplicate: same complainant and respondent, similar text. */
    public record Duplicate(String number, String title, CaseStatus status, Instant registeredAt, double similarity) {
    }
}
