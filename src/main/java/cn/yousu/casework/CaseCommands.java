package cn.yousu.casework;

import cn.yousu.policy.EscalationReason;
import cn.yousu.policy.RejectionReason;
import cn.yousu.policy.ReviewCheck;
import cn.yousu.policy.Satisfaction;
import cn.yousu.policy.SuspensionReason;
import cn.yousu.policy.TerminationReason;
import java.util.List;

/** The input of each case action, as the API receives it (API.md). */
public final class CaseCommands {

    private CaseCommands() {
    }

    public record Accept(CaseKind kind, Complexity complexity, String categoryCode) {
    }

    public record Reject(List<RejectionReason> reasons, String explanation) {
    }

    public record TransferOut(String target, String explanation) {
    }

    public record Answer(String answer) {
    }

    public record Assign(String leadUnitCode, List<String> cooperatingUnitCodes, String requirements) {
    }

    public record TransferDown(String regionCode) {
    }

    public record Return(String reason) {
    }

    public record InitialReply(String content, String method) {
    }

    public record Cooperate(String opinion) {
    }

    public record RequestExtension(Integer workingDays, String reason) {
    }

    public record DecideExtension(Boolean approve, String comment) {
    }

    public record Suspend(SuspensionReason reason, String comment) {
    }

    public record Resume(String comment) {
    }

    public record Feedback(java.time.LocalDate at, String method, String attitude) {
    }

    public record DraftResult(Finding finding, String verification, String measures, Feedback feedback,
            String dissatisfactionReason, String nextSteps) {
    }

    public record SignOff(String comment) {
    }

    public record Review(Boolean approve, List<ReviewCheck> failedChecks, String comment) {
    }

    public record Visit(Boolean reached, String method, Satisfaction satisfaction, String comment) {
    }

    public record Explain(String explanation) {
    }

    public record Conclude(Boolean rehandle, String newEvidence, String comment) {
    }

    public record Supervise(SupervisionLevel level, String content) {
    }

    public record ReplySupervision(Long supervisionId, String content) {
    }

    public record Refer(String target, String reason) {
    }

    public record Terminate(TerminationReason reason, String comment) {
    }

    public record Material(String content, List<String> attachmentIds, Boolean objection) {
    }

    public record Withdraw(String reason) {
    }

    public record Evaluate(Satisfaction satisfaction, String comment) {
    }

    public record Escalate(EscalationReason reason, String comment) {
    }
}
