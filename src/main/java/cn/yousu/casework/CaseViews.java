package cn.yousu.casework;

import cn.yousu.calendar.DeadlineStatus;
import cn.yousu.identity.Actor;
import cn.yousu.policy.Categories;
import cn.yousu.policy.RejectionReason;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns a case into what a viewer may see. Confidentiality (Dalian art. 10): units see the complainant only when
 * the policy allows and the complainant is not anonymous; phone numbers are masked for everyone without need to
 * know (leaders, cooperating units).
 */
@Component
public class CaseViews {

    private final Attachments attachments;

    CaseViews(Attachments attachments) {
        this.attachments = attachments;
    }

    public CaseView staff(Case c, Actor viewer, CaseRules rules, List<TimelineEntry> timeline) {
        return staff(c, viewer, rules, timeline, null);
    }

    /** The staff view; {@code trackingCode} only right after registration. */
    public CaseView staff(Case c, Actor viewer, CaseRules rules, List<TimelineEntry> timeline, String trackingCode) {
        CaseDetails d = c.details();
        List<CaseDetails.Result> results = d.results();
        double factor = rules.policy().extension().maxFactor();
        CaseView.ExtensionView extension = d.handlingLimit() == null ? null
                : new CaseView.ExtensionView(Case.capWorkingDays(d.handlingLimit(), factor), c.approvedExtensionDays(),
                        c.remainingExtensionDays(factor), c.pendingExtension(), d.extensions());
        return new CaseView(c.number(), trackingCode, c.kind().name(), c.kind().label(), name(c.complexity()),
                c.complexity() == null ? null : c.complexity().label(), c.channel().name(), c.channel().label(),
                c.externalRef(), c.regionCode(), rules.directory().regionName(c.regionCode()), c.officeRegionCode(),
                c.oversightRegionCode(), c.categoryCode(),
                c.categoryCode() == null ? null : Categories.name(c.categoryCode()), c.title(), c.facts(), c.request(),
                complainantFor(c, viewer, rules), agentFor(c, viewer, rules), c.respondent(),
                attachmentsOf(c, rules),
                c.status().name(), c.status().label(), c.round(), c.leadUnitCode(),
                c.leadUnitCode() == null ? null : rules.directory().organizationName(c.leadUnitCode()),
                c.cooperatingUnitCodes(), at(c.registeredAt(), rules), at(c.acceptanceDueAt(), rules),
                at(c.acceptedAt(), rules), at(c.assignedAt(), rules), at(c.signedAt(), rules), at(c.dueAt(), rules),
                d.handlingLimit() == null ? null : d.handlingLimit().label(), deadline(c, rules),
                at(c.firstReplyDueAt(), rules), at(c.firstRepliedAt(), rules), at(c.resultSubmittedAt(), rules),
                at(c.visitDueAt(), rules), at(c.closedAt(), rules), at(c.archivedAt(), rules),
                at(c.escalatedAt(), rules), c.overdue(rules.now()), extension, d.suspensions(),
                d.assignmentRequirements(), d.initialReplies(), d.cooperation(), name(c.finding()), d.draft(),
                results.isEmpty() ? null : results.get(results.size() - 1), results, d.reviews(), d.visits(),
                name(c.satisfaction()), c.satisfaction() == null ? null : c.satisfaction().label(),
                c.awaitingExplanation(), d.explanations(), d.conclusions(), d.supervisions(), d.referrals(),
                d.rejection(), d.transferOut(), d.answer(), d.transfers(), d.returns(), d.termination(),
                d.escalations(), d.materials(), d.archive(), d.suggestions(), c.redoCount(),
                timeline.stream().map(e -> new CaseView.Event(at(e.at(), rules), e.actor(), e.actorName(),
                        e.orgCode(), e.orgName(), e.action(), name(e.fromStatus()), name(e.toStatus()), e.comment(),
                        e.data())).toList(),
                c.allowedActions(viewer, rules).stream()
                        .map(a -> new CaseView.ActionView(a.apiName(), a.label())).toList(),
                c.version());
    }

    /** The case's files; no query for the many cases that have none. */
    private List<CaseView.AttachmentView> attachmentsOf(Case c, CaseRules rules) {
        if (c.details().attachmentIds().isEmpty()) {
            return List.of();
        }
        return attachments.ofCase(c.id()).stream().map(a -> new CaseView.AttachmentView(a.id(), a.filename(),
                a.contentType(), a.sizeBytes(), a.sha256(), at(a.uploadedAt(), rules))).toList();
    }

    /** What the complainant sees on the tracking page. */
    public PublicCaseView publicView(Case c, CaseRules rules, List<TimelineEntry> timeline) {
        Actor complainant = Actor.complainant(null);
        CaseDetails d = c.details();
        List<CaseDetails.Result> results = d.results();
        CaseDetails.Result result = results.isEmpty() || !showResult(c) ? null : results.get(results.size() - 1);
        String rejection = d.rejection() == null ? null
                : d.rejection().reasons().stream().map(RejectionReason::label).collect(Collectors.joining("；"));
        String explanation = d.rejection() != null ? d.rejection().explanation()
                : d.transferOut() != null ? d.transferOut().explanation() : null;
        PublicCaseView.PublicResult publicResult = result == null && d.answer() == null && rejection == null
                && explanation == null ? null
                : new PublicCaseView.PublicResult(result == null ? null : result.finding().label(),
                        result == null ? null : result.measures(), d.answer() == null ? null : d.answer().answer(),
                        rejection, explanation);
        CaseView.DeadlineView deadline = deadline(c, rules);
        List<PublicCaseView.PublicEvent> events = new ArrayList<>();
        for (TimelineEntry e : timeline) {
            if (e.publicText() != null) {
                events.add(new PublicCaseView.PublicEvent(at(e.at(), rules), e.publicText()));
            }
        }
        boolean canEscalate = c.allowedActions(complainant, rules).contains(CaseAction.ESCALATE);
        return new PublicCaseView(c.number(), c.title(), c.kind().label(), c.channel().label(), c.status().name(),
                c.status().label(), c.status().publicText(), rules.directory().regionName(c.regionCode()),
                rules.directory().officeOf(c.officeRegionCode()).map(o -> o.name()).orElse(null),
                c.leadUnitCode() == null ? null : rules.directory().organizationName(c.leadUnitCode()),
                at(c.registeredAt(), rules), at(c.firstReplyDueAt(), rules), at(c.dueAt(), rules),
                deadline == null ? null : deadline.label(), at(c.closedAt(), rules), publicResult,
                c.satisfaction() == null ? null : c.satisfaction().label(), events,
                c.allowedActions(complainant, rules).stream().map(CaseAction::apiName).toList(), canEscalate);
    }

    /** The result reaches the complainant once the office approved it. */
    private static boolean showResult(Case c) {
        return c.status() == CaseStatus.VISITING || c.status() == CaseStatus.CLOSED
                || c.status() == CaseStatus.TERMINATED && !c.details().reviews().isEmpty()
                || c.round() > 1;
    }

    /** The clock that matters in the current status, with its colour. */
    public static CaseView.DeadlineView deadline(Case c, CaseRules rules) {
        return switch (c.status()) {
            case REGISTERED -> clock("受理时限", c.acceptanceDueAt(), rules);
            case ACCEPTED -> c.firstRepliedAt() == null ? clock("初步答复时限", c.firstReplyDueAt(), rules) : null;
            case ASSIGNED, IN_PROGRESS -> clock("办理时限", c.dueAt(), rules);
            case VISITING -> clock("回访时限", c.visitDueAt(), rules);
            default -> null;
        };
    }

    private static CaseView.DeadlineView clock(String name, Instant due, CaseRules rules) {
        if (due == null) {
            return null;
        }
        DeadlineStatus status = rules.calendar().status(due, rules.now(), rules.zone(),
                rules.policy().warnings().yellowWorkingDaysLeft());
        return CaseView.DeadlineView.of(name, at(due, rules), status);
    }

    private Complainant complainantFor(Case c, Actor viewer, CaseRules rules) {
        Complainant p = c.complainant();
        if (seesIdentity(viewer)) {
            return p;
        }
        if (viewer.inUnit()) {
            if (p.anonymous() || !rules.policy().revealComplainantToUnits()) {
                return new Complainant(p.type(), "（保密）", p.companyName() == null ? null : "（保密）", null, null, null,
                        null, null, p.anonymous());
            }
            boolean needToKnow = viewer.orgCode().equals(c.leadUnitCode());
            return new Complainant(p.type(), p.name(), p.companyName(), p.creditCode(), p.contactName(),
                    needToKnow ? p.phone() : maskPhone(p.phone()), needToKnow ? p.email() : null,
                    needToKnow ? p.address() : null, p.anonymous());
        }
        // leaders and oversight: who, but not how to reach them
        return new Complainant(p.type(), p.name(), p.companyName(), p.creditCode(), p.contactName(),
                maskPhone(p.phone()), null, null, p.anonymous());
    }

    private Agent agentFor(Case c, Actor viewer, CaseRules rules) {
        Agent a = c.agent();
        if (a == null || seesIdentity(viewer)) {
            return a;
        }
        boolean identityHidden = c.complainant().anonymous() || !rules.policy().revealComplainantToUnits();
        if (viewer.inUnit() && identityHidden) {
            return new Agent("（保密）", null, null);
        }
        return new Agent(a.name(), viewer.orgCode() != null && viewer.orgCode().equals(c.leadUnitCode()) ? a.phone()
                : maskPhone(a.phone()), a.powerOfAttorneyAttachmentId());
    }

    /** The office handling the case and the system see everything. */
    private static boolean seesIdentity(Actor viewer) {
        return viewer.inOffice() || viewer.isSystem();
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    static OffsetDateTime at(Instant instant, CaseRules rules) {
        return instant == null ? null : instant.atZone(rules.zone()).toOffsetDateTime();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
