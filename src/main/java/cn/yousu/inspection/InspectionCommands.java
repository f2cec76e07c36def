package cn.yousu.inspection;

import java.time.LocalDate;
import java.util.List;

/** The input of each inspection action, as the API receives it (docs/api.md, 督察). */
public final class InspectionCommands {

    private InspectionCommands() {
    }

    public record Create(String regionCode, InspectionTheme theme, String title, String content,
            List<String> unitCodes, LocalDate plannedStart, LocalDate plannedEnd) {
    }

    public record AddFinding(String unitCode, String description, String requirement, Integer workingDays) {
    }

    public record Report(String measures) {
    }

    public record Verify(Boolean approve, String comment) {
    }

    public record Publish(String summary) {
    }
}
