package cn.yousu.policy;

import cn.yousu.calendar.TimeLimit;
import java.util.List;
import java.util.Map;

/**
 * The policy in force: each deployment runs one, read from YAML at start and validated (DESIGN §6).
 * Presets reproduce the seeds: {@code zaoyang} (default), {@code dalian}, {@code xuchang}, {@code huanren},
 * {@code yueyang}.
 */
public record Policy(
        String preset,
        String name,
        String source,
        TimeLimits timeLimits,
        TimeLimit acceptanceLimit,
        TimeLimit briefReplyLimit,
        TimeLimit completionAfterAgreement,
        Extension extension,
        TimeLimit supervisionReplyLimit,
        TimeLimit visitLimit,
        boolean anonymousAccepted,
        boolean rehandleRequiresNewEvidence,
        int maxRounds,
        List<Satisfaction> closingSatisfaction,
        boolean visitAfterInstantAnswer,
        double followUpSampleRate,
        Warnings warnings,
        String caseNumberFormat,
        int duplicateWindowDays,
        boolean revealComplainantToUnits,
        Map<String, Double> rankingWeights,
        Monitoring monitoring) {

    /** Handling time limits per complexity (Zaoyang 四(三)). */
    public record TimeLimits(TimeLimit simple, TimeLimit general, TimeLimit complex) {
    }

    /** Extensions: at most {@code maxFactor} × the original limit in total, asked before the deadline. */
    public record Extension(double maxFactor, boolean mustRequestBeforeDeadline, boolean notifyComplainant) {
    }

    /** Yellow when this many working days or fewer are left; red when overdue (DESIGN §7). */
    public record Warnings(int yellowWorkingDaysLeft) {
    }

    /** Yueyang's monitoring points and supervisors (seed 004). */
    public record Monitoring(int maxAge, int termYears, int problemsPerQuarter, int suggestionsPerYear,
            int silentMonthsBeforeExit, int absencesBeforeExit) {
    }

    /** The indicators a ranking may weigh (DESIGN §8). */
    public static final List<String> RANKING_INDICATORS = List.of("responseRate", "onTimeRate", "completionRate",
            "resolutionRate", "satisfactionRate", "redoRate", "extensionRate");

    public boolean closesLoop(Satisfaction satisfaction) {
        return closingSatisfaction.contains(satisfaction);
    }

    /** Formats a case number, for example {@code SF-2026-000123} from {@code {prefix}-{year}-{seq:6}}. */
    public String formatCaseNumber(String prefix, int year, long sequence) {
        return PolicyLoader.formatNumber(caseNumberFormat, prefix, year, sequence);
    }
}
