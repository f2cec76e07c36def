package cn.yousu.casework;

import cn.yousu.calendar.DeadlineStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A case as the API shows it to staff (API.md): every field the viewer may see, the deadlines with their colour,
 * the full timeline and the actions the viewer may take now.
 */
public record CaseView(
        String number,
        String trackingCode,
        String kind,
        String kindName,
        String complexity,
        String complexityName,
        String channel,
        String channelName,
        String externalRef,
        String regionCode,
        String regionName,
        String officeRegionCode,
        String oversightRegionCode,
        String categoryCode,
        String categoryName,
        String title,
        String facts,
        String request,
        Complainant complainant,
        Agent agent,
        Respondent respondent,
        List<AttachmentView> attachments,
        String status,
        String statusName,
        int round,
        String leadUnitCode,
        String leadUnitName,
        List<String> cooperatingUnitCodes,
        OffsetDateTime registeredAt,
        OffsetDateTime acceptanceDueAt,
        OffsetDateTime acceptedAt,
        OffsetDateTime assignedAt,
        OffsetDateTime signedAt,
        OffsetDateTime dueAt,
        String timeLimit,
        DeadlineView deadline,
        OffsetDateTime firstReplyDueAt,
        OffsetDateTime firstRepliedAt,
        OffsetDateTime resultSubmittedAt,
        OffsetDateTime visitDueAt,
        OffsetDateTime closedAt,
        OffsetDateTime archivedAt,
        OffsetDateTime escalatedAt,
        boolean overdue,
        ExtensionView extension,
        List<CaseDetails.Suspension> suspensions,
        String requirements,
        List<CaseDetails.InitialReply> initialReplies,
        List<CaseDetails.Cooperation> cooperation,
        String finding,
        CaseDetails.Result draft,
        CaseDetails.Result result,
        List<CaseDetails.Result> results,
        List<CaseDetails.Review> reviews,
        List<CaseDetails.Visit> visits,
        String satisfaction,
        String satisfactionName,
        boolean awaitingExplanation,
        List<CaseDetails.Explanation> explanations,
        List<CaseDetails.Conclusion> conclusions,
        List<CaseDetails.Supervision> supervisions,
        List<CaseDetails.Referral> referrals,
        CaseDetails.Rejection rejection,
        CaseDetails.TransferOut transferOut,
        CaseDetails.Answer answer,
        List<CaseDetails.TransferDown> transfers,
        List<CaseDetails.UnitReturn> returns,
        CaseDetails.Termination termination,
        List<CaseDetails.Escalation> escalations,
        List<CaseDetails.Material> materials,
        CaseDetails.Archive archive,
        Suggestions suggestions,
        int redoCount,
        List<Event> timeline,
        List<ActionView> allowedActions,
        int version) {

    /** A deadline and where it stands today: NORMAL, YELLOW or RED, with the badge text. */
    public record DeadlineView(String name, OffsetDateTime dueAt, String state, String label, int workingDaysLeft,
            int overdueWorkingDays) {
        static DeadlineView of(String name, OffsetDateTime due, DeadlineStatus status) {
            return new DeadlineView(name, due, status.state().name(), status.label(), status.workingDaysLeft(),
                    status.overdueWorkingDays());
        }
    }

    public record ExtensionView(int capWorkingDays, int approvedWorkingDays, int remainingWorkingDays,
            CaseDetails.Extension pending, List<CaseDetails.Extension> history) {
    }

    public record AttachmentView(String id, String filename, String contentType, long sizeBytes, String sha256,
            OffsetDateTime uploadedAt) {
    }

    public record ActionView(String action, String label) {
    }

    /** One timeline event (API.md: at, actor, orgCode, action, fromStatus, toStatus, comment, data). */
    public record Event(OffsetDateTime at, String actor, String actorName, String orgCode, String orgName,
            String action, String fromStatus, String toStatus, String comment, Map<String, Object> data) {
    }
}
