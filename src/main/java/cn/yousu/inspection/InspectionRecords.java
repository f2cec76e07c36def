package cn.yousu.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the inspection module stores. */
final class InspectionRecords {

    private InspectionRecords() {
    }

    record Inspection(long id, String number, String officeRegionCode, String regionCode, InspectionTheme theme,
            String title, String content, List<String> unitCodes, LocalDate plannedStart, LocalDate plannedEnd,
            InspectionStatus status, String resultSummary, Instant publishedAt, String createdBy, Instant createdAt,
            int version) {
    }

    record Finding(long id, long inspectionId, String unitCode, String description, String requirement,
            int workingDays, Instant dueAt, FindingStatus status, String measures, Instant reportedAt,
            Instant verifiedAt, String verification, Instant createdAt, int version) {
    }

    record Event(long id, long inspectionId, Long findingId, String action, String comment, String actor,
            String actorName, String orgName, Instant at) {
    }
}
