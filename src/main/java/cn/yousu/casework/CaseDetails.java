package cn.yousu.casework;

import cn.yousu.calendar.TimeLimit;
import cn.yousu.policy.EscalationReason;
import cn.yousu.policy.RejectionReason;
import cn.yousu.policy.ReviewCheck;
import cn.yousu.policy.Satisfaction;
import cn.yousu.policy.SuspensionReason;
import cn.yousu.policy.TerminationReason;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a case that are lists or rarely queried, stored with the case as one JSON document so that an
 * action reads and writes one row. Everything that lists, scopes or counts cases is a column instead.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class CaseDetails {

    /** Who did something, as shown later. */
    public record By(String username, String name, String orgCode, String orgName) {
    }

    public record Rejection(List<RejectionReason> reasons, String explanation, Instant at, By by) {
    }

    public record TransferOut(String target, String explanation, Instant at, By by) {
    }

    public record Answer(String answer, Instant at, By by) {
    }

    public record TransferDown(String fromRegionCode, String toRegionCode, Instant at, By by) {
    }

    public record UnitReturn(String unitCode, String reason, Instant at, By by) {
    }

    public record InitialReply(String content, String method, Instant at, By by) {
    }

    public record Cooperation(String unitCode, String opinion, Instant at, By by) {
    }

    public record Extension(long id, int round, int workingDays, String reason, Instant requestedAt, By requestedBy,
            Boolean approved, String comment, Instant decidedAt, By decidedBy, Instant previousDueAt,
            Instant newDueAt) {
        public boolean pending() {
            return approved == null;
        }
    }

    public record Suspension(SuspensionReason reason, String comment, Instant startedAt, By startedBy, Instant endedAt,
            By endedBy, String resumeComment, String shift) {
    }

    public record Feedback(LocalDate at, String method, String attitude) {
    }

    /** The unit's result (承办单 fields): drafted by the handler, signed off by the head. */
    public record Result(int round, Finding finding, String verification, String measures, Feedback feedback,
            String dissatisfactionReason, String nextSteps, Instant draftedAt, By draftedBy, Instant signedAt,
            By signedBy, String signOffComment) {
    }

    public record Review(int round, boolean approved, List<ReviewCheck> failedChecks, String comment, Instant at,
            By by) {
    }

    public record Visit(int round, boolean reached, String method, Satisfaction satisfaction, String comment,
            Instant at, By by, boolean byComplainant) {
    }

    public record Explanation(int round, String explanation, Instant at, By by) {
    }

    public record Conclusion(int round, boolean rehandle, String newEvidence, String comment, Instant at, By by) {
    }

    public record Supervision(long id, String number, SupervisionLevel level, String content, String unitCode,
            Instant issuedAt, By issuedBy, Instant replyDueAt, String reply, Instant repliedAt, By repliedBy,
            boolean automatic) {
        public boolean awaitingReply() {
            return replyDueAt != null && repliedAt == null;
        }
    }

    public record Referral(String target, String reason, Instant at, By by) {
    }

    public record Termination(TerminationReason reason, String comment, Instant at, By by) {
    }

    public record Escalation(EscalationReason reason, String comment, String fromRegionCode, String toRegionCode,
            Instant at) {
    }

    public record Material(String content, List<String> attachmentIds, boolean objection, Instant at) {
    }

    public record Archive(String classification, String dossierHash, Instant at, By by) {
    }

    List<String> attachmentIds = new ArrayList<>();
    Suggestions suggestions = Suggestions.none();
    String assignmentRequirements;
    TimeLimit handlingLimit;
    Rejection rejection;
    TransferOut transferOut;
    Answer answer;
    List<TransferDown> transfers = new ArrayList<>();
    List<UnitReturn> returns = new ArrayList<>();
    List<InitialReply> initialReplies = new ArrayList<>();
    List<Cooperation> cooperation = new ArrayList<>();
    List<Extension> extensions = new ArrayList<>();
    List<Suspension> suspensions = new ArrayList<>();
    Result draft;
    List<Result> results = new ArrayList<>();
    List<Review> reviews = new ArrayList<>();
    List<Visit> visits = new ArrayList<>();
    List<Explanation> explanations = new ArrayList<>();
    List<Conclusion> conclusions = new ArrayList<>();
    List<Supervision> supervisions = new ArrayList<>();
    List<Referral> referrals = new ArrayList<>();
    Termination termination;
    List<Escalation> escalations = new ArrayList<>();
    List<Material> materials = new ArrayList<>();
    Archive archive;

    /** A copy whose lists are its own: the case as it was before an action, for the listeners that compare. */
    CaseDetails copy() {
        CaseDetails c = new CaseDetails();
        c.attachmentIds = new ArrayList<>(attachmentIds);
        c.suggestions = suggestions;
        c.assignmentRequirements = assignmentRequirements;
        c.handlingLimit = handlingLimit;
        c.rejection = rejection;
        c.transferOut = transferOut;
        c.answer = answer;
        c.transfers = new ArrayList<>(transfers);
        c.returns = new ArrayList<>(returns);
        c.initialReplies = new ArrayList<>(initialReplies);
        c.cooperation = new ArrayList<>(cooperation);
        c.extensions = new ArrayList<>(extensions);
        c.suspensions = new ArrayList<>(suspensions);
        c.draft = draft;
        c.results = new ArrayList<>(results);
        c.reviews = new ArrayList<>(reviews);
        c.visits = new ArrayList<>(visits);
        c.explanations = new ArrayList<>(explanations);
        c.conclusions = new ArrayList<>(conclusions);
        c.supervisions = new ArrayList<>(supervisions);
        c.referrals = new ArrayList<>(referrals);
        c.termination = termination;
        c.escalations = new ArrayList<>(escalations);
        c.materials = new ArrayList<>(materials);
        c.archive = archive;
        return c;
    }

    public List<String> attachmentIds() { return List.copyOf(attachmentIds); }
    public Suggestions suggestions() { return suggestions; }
    public String assignmentRequirements() { return assignmentRequirements; }
    public TimeLimit handlingLimit() { return handlingLimit; }
    public Rejection rejection() { return rejection; }
    public TransferOut transferOut() { return transferOut; }
    public Answer answer() { return answer; }
    public List<TransferDown> transfers() { return List.copyOf(transfers); }
    public List<UnitReturn> returns() { return List.copyOf(returns); }
    public List<InitialReply> initialReplies() { return List.copyOf(initialReplies); }
    public List<Cooperation> cooperation() { return List.copyOf(cooperation); }
    public List<Extension> extensions() { return List.copyOf(extensions); }
    public List<Suspension> suspensions() { return List.copyOf(suspensions); }
    public Result draft() { return draft; }
    public List<Result> results() { return List.copyOf(results); }
    public List<Review> reviews() { return List.copyOf(reviews); }
    public List<Visit> visits() { return List.copyOf(visits); }
    public List<Explanation> explanations() { return List.copyOf(explanations); }
    public List<Conclusion> conclusions() { return List.copyOf(conclusions); }
    public List<Supervision> supervisions() { return List.copyOf(supervisions); }
    public List<Referral> referrals() { return List.copyOf(referrals); }
    public Termination termination() { return termination; }
    public List<Escalation> escalations() { return List.copyOf(escalations); }
    public List<Material> materials() { return List.copyOf(materials); }
    public Archive archive() { return archive; }
}
