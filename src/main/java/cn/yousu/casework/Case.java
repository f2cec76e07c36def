package cn.yousu.casework;

import cn.yousu.calendar.LimitUnit;
import cn.yousu.calendar.TimeLimit;
import cn.yousu.identity.Actor;
import cn.yousu.organization.Organization;
import cn.yousu.organization.Region;
import cn.yousu.policy.EscalationReason;
import cn.yousu.policy.RejectionReason;
import cn.yousu.policy.ReviewCheck;
import cn.yousu.policy.Satisfaction;
import cn.yousu.policy.SuspensionReason;
import cn.yousu.policy.TerminationReason;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.Validation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The case (诉求件): the aggregate that owns every status, transition and rule of DESIGN §4–§5. Each action
 * first checks who may take it and whether the case allows it now (403, 409), then checks its input (400),
 * then changes the case and records one timeline event. Nothing outside this class changes a case.
 */
public final class Case {

    static final int TEXT_SHORT = 200;
    static final int TEXT_LONG = 5000;

    // identity and registration
    private Long id;
    private final String number;
    private final String trackingCodeHash;
    private CaseKind kind;
    private Complexity complexity;
    private final Channel channel;
    private final String externalRef;
    private String regionCode;
    private String officeRegionCode;
    private String oversightRegionCode;
    private String categoryCode;
    private final String title;
    private final String facts;
    private final String request;
    private final Complainant complainant;
    private final Agent agent;
    private final Respondent respondent;
    private final String registeredBy;

    // working state
    private CaseStatus status;
    private int round;
    private String leadUnitCode;
    private List<String> cooperatingUnitCodes;
    private final Instant registeredAt;
    private Instant acceptanceDueAt;
    private Instant decidedAt;
    private Instant acceptedAt;
    private Instant assignedAt;
    private Instant signedAt;
    private Instant dueAt;
    private Instant firstReplyDueAt;
    private Instant firstRepliedAt;
    private Instant resultSubmittedAt;
    private Instant visitDueAt;
    private Instant closedAt;
    private Instant endedAt;
    private Instant archivedAt;
    private Instant escalatedAt;
    private Finding finding;
    private Satisfaction satisfaction;
    private int redoCount;
    private int extensionCount;
    private int supervisionCount;
    private int referralCount;
    private final CaseDetails details;
    private int version;

    private final List<TimelineEntry> newEvents = new ArrayList<>();
    private Instant eventTime;
    /** The stored timeline, when the service loaded it with the case (one transaction for action and answer). */
    private List<TimelineEntry> timeline;

    /** Rebuilds a stored case (storage only). */
    public Case(Long id, String number, String trackingCodeHash, CaseKind kind, Complexity complexity, Channel channel,
            String externalRef, String regionCode, String officeRegionCode, String oversightRegionCode,
            String categoryCode, String title, String facts, String request, Complainant complainant, Agent agent,
            Respondent respondent, String registeredBy, CaseStatus status, int round, String leadUnitCode,
            List<String> cooperatingUnitCodes, Instant registeredAt, Instant acceptanceDueAt, Instant decidedAt,
            Instant acceptedAt, Instant assignedAt, Instant signedAt, Instant dueAt, Instant firstReplyDueAt,
            Instant firstRepliedAt, Instant resultSubmittedAt, Instant visitDueAt, Instant closedAt, Instant endedAt,
            Instant archivedAt, Instant escalatedAt, Finding finding, Satisfaction satisfaction, int redoCount,
            int extensionCount, int supervisionCount, int referralCount, CaseDetails details, int version) {
        this.id = id;
        this.number = number;
        this.trackingCodeHash = trackingCodeHash;
        this.kind = kind;
        this.complexity = complexity;
        this.channel = channel;
        this.externalRef = externalRef;
        this.regionCode = regionCode;
        this.officeRegionCode = officeRegionCode;
        this.oversightRegionCode = oversightRegionCode;
        this.categoryCode = categoryCode;
        this.title = title;
        this.facts = facts;
        this.request = request;
        this.complainant = complainant;
        this.agent = agent;
        this.respondent = respondent;
        this.registeredBy = registeredBy;
        this.status = status;
        this.round = round;
        this.leadUnitCode = leadUnitCode;
        this.cooperatingUnitCodes = cooperatingUnitCodes == null ? List.of() : List.copyOf(cooperatingUnitCodes);
        this.registeredAt = registeredAt;
        this.acceptanceDueAt = acceptanceDueAt;
        this.decidedAt = decidedAt;
        this.acceptedAt = acceptedAt;
        this.assignedAt = assignedAt;
        this.signedAt = signedAt;
        this.dueAt = dueAt;
        this.firstReplyDueAt = firstReplyDueAt;
        this.firstRepliedAt = firstRepliedAt;
        this.resultSubmittedAt = resultSubmittedAt;
        this.visitDueAt = visitDueAt;
        this.closedAt = closedAt;
        this.endedAt = endedAt;
        this.archivedAt = archivedAt;
        this.escalatedAt = escalatedAt;
        this.finding = finding;
        this.satisfaction = satisfaction;
        this.redoCount = redoCount;
        this.extensionCount = extensionCount;
        this.supervisionCount = supervisionCount;
        this.referralCount = referralCount;
        this.details = details == null ? new CaseDetails() : details;
        this.version = version;
        this.unitsAtLoad = unitKey();
    }

    /**
     * A copy of the case as it stands (without its pending timeline events): what the listeners of an action compare
     * the changed case with, instead of reading their own copies back from the database.
     */
    public Case copy() {
        return new Case(id, number, trackingCodeHash, kind, complexity, channel, externalRef, regionCode,
                officeRegionCode, oversightRegionCode, categoryCode, title, facts, request, complainant, agent,
                respondent, registeredBy, status, round, leadUnitCode, cooperatingUnitCodes, registeredAt,
                acceptanceDueAt, decidedAt, acceptedAt, assignedAt, signedAt, dueAt, firstReplyDueAt, firstRepliedAt,
                resultSubmittedAt, visitDueAt, closedAt, endedAt, archivedAt, escalatedAt, finding, satisfaction,
                redoCount, extensionCount, supervisionCount, referralCount, details.copy(), version);
    }

    // ------------------------------------------------------------------ registration

    /** A new case received from a channel: REGISTERED, with the acceptance and brief-reply clocks running. */
    static Case register(String number, String trackingCodeHash, NewCase n, Actor actor, CaseRules rules) {
        Instant now = rules.now();
        Case c = new Case(null, number, trackingCodeHash, n.kind(), null, n.channel(), n.externalRef(), n.regionCode(),
                n.regionCode(), null, n.categoryCode(), n.title(), n.facts(), n.request(), n.complainant(), n.agent(),
                n.respondent(), actor.username(), CaseStatus.REGISTERED, 1, null, List.of(), now,
                rules.deadline(now, rules.policy().acceptanceLimit()), null, null, null, null, null,
                rules.deadline(now, rules.policy().briefReplyLimit()), null, null, null, null, null, null, null, null,
                null, 0, 0, 0, 0, new CaseDetails(), 0);
        c.details.attachmentIds.addAll(n.attachmentIds() == null ? List.of() : n.attachmentIds());
        if (n.agent() != null && n.agent().powerOfAttorneyAttachmentId() != null
                && !c.details.attachmentIds.contains(n.agent().powerOfAttorneyAttachmentId())) {
            c.details.attachmentIds.add(n.agent().powerOfAttorneyAttachmentId());
        }
        c.details.suggestions = n.suggestions() == null ? Suggestions.none() : n.suggestions();
        c.eventTime = now;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("channel", n.channel().name());
        data.put("kind", n.kind().name());
        c.record(actor, "register", null, CaseStatus.REGISTERED, null, data,
                "您的诉求已登记（" + n.channel().label() + "），编号 " + number);
        return c;
    }

    // ------------------------------------------------------------------ access

    /** True when {@code actor} may see this case at all (DESIGN §1 data scope); otherwise the case does not exist for them. */
    public boolean visibleTo(Actor actor, CaseRules rules) {
        if (actor.isComplainant() || actor.isSystem()) {
            return true;
        }
        if (actor.inOffice() || actor.inGovernment()) {
            Region mine = rules.directory().region(actor.regionCode()).orElse(null);
            if (mine == null) {
                return false;
            }
            return contains(mine, regionCode, rules) || contains(mine, officeRegionCode, rules)
                    || contains(mine, oversightRegionCode, rules);
        }
        if (actor.inUnit()) {
            return actor.orgCode().equals(leadUnitCode) || cooperatingUnitCodes.contains(actor.orgCode());
        }
        return false;
    }

    private static boolean contains(Region mine, String code, CaseRules rules) {
        return code != null && mine.contains(rules.directory().region(code).orElse(null));
    }

    /** Refuses with 403 or 409 unless {@code actor} may take {@code action} now. */
    public void authorize(CaseAction action, Actor actor, CaseRules rules) {
        eventTime = rules.now();
        if (archivedAt != null) {
            throw ApiProblem.conflict("案件已归档，当前状态为" + status.describe() + "，不能" + action.label());
        }
        if (!isParty(action.party(), actor, rules) || !(action.roles().isEmpty() || actor.hasAny(action.roles()))) {
            throw ApiProblem.forbidden("您无权对该案件执行「" + action.label() + "」");
        }
        if (!action.statuses().contains(status)) {
            throw ApiProblem.conflict("当前状态为" + status.describe() + "，不能" + action.label());
        }
        String unmet = precondition(action, rules);
        if (unmet != null) {
            throw ApiProblem.conflict(unmet + "（当前状态为" + status.describe() + "）");
        }
    }

    /** The actions {@code actor} may take now, for the pages to offer exactly these. */
    public List<CaseAction> allowedActions(Actor actor, CaseRules rules) {
        if (archivedAt != null) {
            return List.of();
        }
        List<CaseAction> allowed = new ArrayList<>();
        for (CaseAction action : CaseAction.values()) {
            if (action.statuses().contains(status) && isParty(action.party(), actor, rules)
                    && (action.roles().isEmpty() || actor.hasAny(action.roles()))
                    && precondition(action, rules) == null) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    private boolean isParty(CaseAction.Party party, Actor actor, CaseRules rules) {
        return switch (party) {
            case HANDLING_OFFICE -> isHandlingOffice(actor);
            case OVERSIGHT_OFFICE -> isHandlingOffice(actor) || (actor.inOffice()
                    && rules.directory().isWithin(officeRegionCode, actor.regionCode()));
            case LEAD_UNIT -> isLeadUnit(actor);
            case COOPERATING_UNIT -> actor.inUnit() && cooperatingUnitCodes.contains(actor.orgCode());
            case LEAD_UNIT_OR_HANDLING_OFFICE, HANDLING_OFFICE_OR_LEAD_UNIT -> isLeadUnit(actor)
                    || isHandlingOffice(actor);
            case COMPLAINANT -> actor.isComplainant();
        };
    }

    private boolean isHandlingOffice(Actor actor) {
        return actor.inOffice() && officeRegionCode.equals(actor.regionCode());
    }

    private boolean isLeadUnit(Actor actor) {
        return actor.inUnit() && leadUnitCode != null && leadUnitCode.equals(actor.orgCode());
    }

    /** Conditions beyond the status; null when met, else why not (Chinese). */
    private String precondition(CaseAction action, CaseRules rules) {
        return switch (action) {
            case ANSWER -> kind == CaseKind.CONSULTATION ? null : "只有咨询类诉求可以即时答复";
            case ACCEPT -> complainant.anonymous() && !rules.policy().anonymousAccepted()
                    ? "按现行政策，匿名投诉不予受理" : null;
            case TRANSFER_DOWN -> rules.directory().children(officeRegionCode).stream()
                    .anyMatch(r -> rules.directory().officeOf(r.code()).isPresent()) ? null : "本级以下没有可转办的营商办";
            case REQUEST_EXTENSION -> pendingExtension() != null ? "已有待审批的延期申请"
                    : remainingExtensionDays(rules.policy().extension().maxFactor()) <= 0 ? "延期已达上限（原办理时限的 " + rules.policy().extension().maxFactor()
                            + " 倍）"
                    : rules.policy().extension().mustRequestBeforeDeadline() && dueAt != null
                            && rules.now().isAfter(dueAt) ? "已超过办理时限，不能再申请延期" : null;
            case DECIDE_EXTENSION -> pendingExtension() == null ? "没有待审批的延期申请" : null;
            case SIGN_OFF -> details.draft == null ? "尚未拟写办理结果" : null;
            case VISIT, EVALUATE -> awaitingExplanation() ? "已有不满意评价，等待承办单位作出说明和营商办研判" : null;
            case EXPLAIN -> !awaitingExplanation() ? "没有需要说明的不满意评价"
                    : explanationThisRound() != null ? "已作出说明，等待营商办研判" : null;
            case CONCLUDE -> !awaitingExplanation() ? "没有需要研判的不满意评价"
                    : explanationThisRound() == null ? "承办单位尚未作出说明" : null;
            case REPLY_SUPERVISION -> details.supervisions.stream().anyMatch(s -> s.awaitingReply()
                    && Objects.equals(s.unitCode(), leadUnitCode)) ? null : "没有待反馈的督办单";
            case ESCALATE -> rules.directory().parent(officeRegionCode)
                    .flatMap(p -> rules.directory().officeOf(p.code())).isPresent() ? null : "已是最高一级营商办";
            default -> null;
        };
    }

    // ------------------------------------------------------------------ office: screening decisions

    void accept(Actor actor, CaseKind newKind, Complexity newComplexity, String newCategory, CaseRules rules) {
        authorize(CaseAction.ACCEPT, actor, rules);
        Validation.start()
                .required(newKind, "kind", "诉求类型")
                .required(newComplexity, "complexity", "复杂程度")
                .required(newCategory, "categoryCode", "诉求分类")
                .check(newCategory != null && !cn.yousu.policy.Categories.exists(newCategory), "categoryCode",
                        "诉求分类不存在")
                .check(agent != null && agent.powerOfAttorneyAttachmentId() == null, "agent",
                        "代理投诉须提供授权委托书（大连细则第十三条）")
                .throwIfInvalid();
        CaseStatus from = status;
        kind = newKind;
        complexity = newComplexity;
        categoryCode = newCategory;
        acceptedAt = rules.now();
        decidedAt = rules.now();
        status = CaseStatus.ACCEPTED;
        record(actor, CaseAction.ACCEPT.apiName(), from, status, null,
                Map.of("kind", newKind.name(), "complexity", newComplexity.name(), "categoryCode", newCategory),
                "您的诉求已受理");
    }

    void reject(Actor actor, List<RejectionReason> reasons, String explanation, CaseRules rules) {
        authorize(CaseAction.REJECT, actor, rules);
        Validation.start()
                .required(reasons, "reasons", "不予受理理由")
                .check(reasons != null && reasons.stream().anyMatch(Objects::isNull), "reasons", "理由代码不正确")
                .required(explanation, "explanation", "向诉求人的解释说明")
                .maxLength(explanation, TEXT_LONG, "explanation", "解释说明")
                .throwIfInvalid();
        CaseStatus from = status;
        List<RejectionReason> distinct = List.copyOf(new LinkedHashSet<>(reasons));
        details.rejection = new CaseDetails.Rejection(distinct, explanation.trim(), rules.now(), by(actor));
        decidedAt = rules.now();
        end(CaseStatus.REJECTED, rules);
        record(actor, CaseAction.REJECT.apiName(), from, status, explanation.trim(),
                Map.of("reasons", distinct.stream().map(Enum::name).toList()),
                "不予受理。理由：" + distinct.stream().map(RejectionReason::label).collect(Collectors.joining("；"))
                        + "。说明：" + explanation.trim());
    }

    void transferOut(Actor actor, String target, String explanation, CaseRules rules) {
        authorize(CaseAction.TRANSFER_OUT, actor, rules);
        Validation.start()
                .required(target, "target", "转往渠道或机关")
                .maxLength(target, TEXT_SHORT, "target", "转往渠道或机关")
                .required(explanation, "explanation", "向诉求人的说明")
                .maxLength(explanation, TEXT_LONG, "explanation", "说明")
                .throwIfInvalid();
        CaseStatus from = status;
        details.transferOut = new CaseDetails.TransferOut(target.trim(), explanation.trim(), rules.now(), by(actor));
        decidedAt = rules.now();
        end(CaseStatus.TRANSFERRED_OUT, rules);
        record(actor, CaseAction.TRANSFER_OUT.apiName(), from, status, explanation.trim(), Map.of("target", target.trim()),
                "您的诉求不属于营商环境投诉范围，已转 " + target.trim() + " 办理。说明：" + explanation.trim());
    }

    void answer(Actor actor, String answer, CaseRules rules) {
        authorize(CaseAction.ANSWER, actor, rules);
        Validation.start().required(answer, "answer", "答复内容").maxLength(answer, TEXT_LONG, "answer", "答复内容")
                .throwIfInvalid();
        CaseStatus from = status;
        details.answer = new CaseDetails.Answer(answer.trim(), rules.now(), by(actor));
        decidedAt = rules.now();
        firstRepliedAt = rules.now();
        if (rules.policy().visitAfterInstantAnswer()) {
            status = CaseStatus.VISITING;
            visitDueAt = rules.deadline(rules.now(), rules.policy().visitLimit());
        } else {
            closedAt = rules.now();
            end(CaseStatus.CLOSED, rules);
        }
        record(actor, CaseAction.ANSWER.apiName(), from, status, answer.trim(), Map.of(), "已答复：" + answer.trim());
    }

    // ------------------------------------------------------------------ office: dispatch

    void assign(Actor actor, String lead, List<String> cooperating, String requirements, CaseRules rules) {
        authorize(CaseAction.ASSIGN, actor, rules);
        List<String> coop = cooperating == null ? List.of() : cooperating;
        Validation v = Validation.start().required(lead, "leadUnitCode", "牵头单位");
        if (lead != null) {
            v.check(!isUnitOfOffice(lead, rules), "leadUnitCode", "牵头单位须为本级的承办单位");
        }
        for (int i = 0; i < coop.size(); i++) {
            String code = coop.get(i);
            v.check(code == null || !isUnitOfOffice(code, rules), "cooperatingUnitCodes[" + i + "]",
                    "配合单位须为本级的承办单位");
            v.check(code != null && code.equals(lead), "cooperatingUnitCodes[" + i + "]", "配合单位不能与牵头单位相同");
        }
        v.check(new LinkedHashSet<>(coop).size() != coop.size(), "cooperatingUnitCodes", "配合单位有重复");
        v.check(coop.size() > 10, "cooperatingUnitCodes", "配合单位最多 10 个");
        v.maxLength(requirements, TEXT_LONG, "requirements", "办理要求");
        v.throwIfInvalid();
        CaseStatus from = status;
        TimeLimit limit = rules.handlingLimit(complexity);
        leadUnitCode = lead;
        cooperatingUnitCodes = List.copyOf(coop);
        assignedAt = rules.now();
        signedAt = null;
        details.handlingLimit = limit;
        details.assignmentRequirements = requirements == null || requirements.isBlank() ? null : requirements.trim();
        dueAt = rules.deadline(rules.now(), limit);
        status = CaseStatus.ASSIGNED;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("leadUnitCode", lead);
        data.put("cooperatingUnitCodes", cooperatingUnitCodes);
        data.put("limit", limit.label());
        data.put("dueAt", dueAt);
        record(actor, CaseAction.ASSIGN.apiName(), from, status, details.assignmentRequirements, data,
                "已交 " + rules.directory().organizationName(lead) + " 办理，办理时限 " + limit.label() + "，"
                        + CaseTexts.dateTime(dueAt, rules.zone()) + " 前办结");
    }

    private boolean isUnitOfOffice(String code, CaseRules rules) {
        Organization org = rules.directory().organization(code).orElse(null);
        return org != null && org.isUnit() && org.active() && officeRegionCode.equals(org.regionCode());
    }

    void transferDown(Actor actor, String targetRegion, CaseRules rules) {
        authorize(CaseAction.TRANSFER_DOWN, actor, rules);
        Validation v = Validation.start().required(targetRegion, "regionCode", "下级区域");
        if (targetRegion != null) {
            Region target = rules.directory().region(targetRegion).orElse(null);
            v.check(target == null, "regionCode", "区域不存在");
            v.check(target != null && (target.code().equals(officeRegionCode)
                    || !rules.directory().isWithin(target.code(), officeRegionCode)), "regionCode",
                    "只能转办给本级以下的区域");
            v.check(target != null && rules.directory().officeOf(target.code()).isEmpty(), "regionCode",
                    "该区域没有营商办");
        }
        v.throwIfInvalid();
        CaseStatus from = status;
        String previous = officeRegionCode;
        details.transfers.add(new CaseDetails.TransferDown(previous, targetRegion, rules.now(), by(actor)));
        oversightRegionCode = previous;
        officeRegionCode = targetRegion;
        regionCode = targetRegion;
        record(actor, CaseAction.TRANSFER_DOWN.apiName(), from, status, null,
                Map.of("fromRegionCode", previous, "toRegionCode", targetRegion),
                "已转 " + rules.directory().regionName(targetRegion) + "营商办办理，" + rules.directory().regionName(previous)
                        + "营商办跟踪督办");
    }

    // ------------------------------------------------------------------ unit: handling

    void sign(Actor actor, CaseRules rules) {
        authorize(CaseAction.SIGN, actor, rules);
        CaseStatus from = status;
        signedAt = rules.now();
        status = CaseStatus.IN_PROGRESS;
        record(actor, CaseAction.SIGN.apiName(), from, status, null, Map.of(), "承办单位已签收，正在办理");
    }

    void returnToOffice(Actor actor, String reason, CaseRules rules) {
        authorize(CaseAction.RETURN, actor, rules);
        Validation.start().required(reason, "reason", "退回理由").maxLength(reason, TEXT_LONG, "reason", "退回理由")
                .throwIfInvalid();
        CaseStatus from = status;
        details.returns.add(new CaseDetails.UnitReturn(leadUnitCode, reason.trim(), rules.now(), by(actor)));
        String unit = leadUnitCode;
        leadUnitCode = null;
        cooperatingUnitCodes = List.of();
        assignedAt = null;
        dueAt = null;
        details.handlingLimit = null;
        status = CaseStatus.ACCEPTED;
        record(actor, CaseAction.RETURN.apiName(), from, status, reason.trim(), Map.of("unitCode", unit), null);
    }

    void initialReply(Actor actor, String content, String method, CaseRules rules) {
        authorize(CaseAction.INITIAL_REPLY, actor, rules);
        Validation.start().required(content, "content", "答复内容").maxLength(content, TEXT_LONG, "content", "答复内容")
                .required(method, "method", "答复方式").maxLength(method, 50, "method", "答复方式").throwIfInvalid();
        details.initialReplies.add(new CaseDetails.InitialReply(content.trim(), method.trim(), rules.now(), by(actor)));
        boolean first = firstRepliedAt == null;
        if (first) {
            firstRepliedAt = rules.now();
        }
        record(actor, CaseAction.INITIAL_REPLY.apiName(), status, status, content.trim(),
                Map.of("method", method.trim(), "first", first), (first ? "初步答复：" : "进展答复：") + content.trim());
    }

    void cooperate(Actor actor, String opinion, CaseRules rules) {
        authorize(CaseAction.COOPERATE, actor, rules);
        Validation.start().required(opinion, "opinion", "配合意见").maxLength(opinion, TEXT_LONG, "opinion", "配合意见")
                .throwIfInvalid();
        details.cooperation.add(new CaseDetails.Cooperation(actor.orgCode(), opinion.trim(), rules.now(), by(actor)));
        record(actor, CaseAction.COOPERATE.apiName(), status, status, opinion.trim(), Map.of("unitCode", actor.orgCode()),
                null);
    }

    void requestExtension(Actor actor, Integer workingDays, String reason, CaseRules rules) {
        authorize(CaseAction.REQUEST_EXTENSION, actor, rules);
        int remaining = remainingExtensionDays(rules.policy().extension().maxFactor());
        Validation.start()
                .required(workingDays, "workingDays", "延期工作日数")
                .check(workingDays != null && workingDays < 1, "workingDays", "延期工作日数至少为 1")
                .check(workingDays != null && workingDays > remaining, "workingDays",
                        "超出延期上限：本轮最多还可延期 " + remaining + " 个工作日")
                .required(reason, "reason", "延期理由")
                .maxLength(reason, TEXT_LONG, "reason", "延期理由")
                .throwIfInvalid();
        long id = details.extensions.size() + 1L;
        details.extensions.add(new CaseDetails.Extension(id, round, workingDays, reason.trim(), rules.now(), by(actor),
                null, null, null, null, dueAt, null));
        record(actor, CaseAction.REQUEST_EXTENSION.apiName(), status, status, reason.trim(),
                Map.of("extensionId", id, "workingDays", workingDays), null);
    }

    void decideExtension(Actor actor, Boolean approve, String comment, CaseRules rules) {
        authorize(CaseAction.DECIDE_EXTENSION, actor, rules);
        Validation.start().required(approve, "approve", "审批结果")
                .check(Boolean.FALSE.equals(approve) && (comment == null || comment.isBlank()), "comment",
                        "不同意延期时须说明理由")
                .maxLength(comment, TEXT_LONG, "comment", "审批意见").throwIfInvalid();
        CaseDetails.Extension pending = pendingExtension();
        Instant newDue = dueAt;
        if (approve) {
            newDue = rules.calendar().extend(dueAt, TimeLimit.workingDays(pending.workingDays()), rules.zone()).due();
            dueAt = newDue;
            extensionCount++;
        }
        CaseDetails.Extension decided = new CaseDetails.Extension(pending.id(), pending.round(), pending.workingDays(),
                pending.reason(), pending.requestedAt(), pending.requestedBy(), approve, blankToNull(comment),
                rules.now(), by(actor), pending.previousDueAt(), approve ? newDue : null);
        details.extensions.set(details.extensions.indexOf(pending), decided);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("extensionId", pending.id());
        data.put("approved", approve);
        data.put("workingDays", pending.workingDays());
        if (approve) {
            data.put("dueAt", newDue);
        }
        record(actor, CaseAction.DECIDE_EXTENSION.apiName(), status, status, blankToNull(comment), data,
                approve && rules.policy().extension().notifyComplainant()
                        ? "办理时限延长 " + pending.workingDays() + " 个工作日，新的办结时限为 "
                                + CaseTexts.dateTime(newDue, rules.zone()) + "。原因：" + pending.reason()
                        : null);
    }

    void suspend(Actor actor, SuspensionReason reason, String comment, CaseRules rules) {
        authorize(CaseAction.SUSPEND, actor, rules);
        Validation.start().required(reason, "reason", "中止原因")
                .check(reason == SuspensionReason.LEGAL_OTHER && (comment == null || comment.isBlank()), "comment",
                        "请说明中止的法定情形")
                .maxLength(comment, TEXT_LONG, "comment", "说明").throwIfInvalid();
        CaseStatus from = status;
        details.suspensions.add(new CaseDetails.Suspension(reason, blankToNull(comment), rules.now(), by(actor), null,
                null, null, null));
        status = CaseStatus.SUSPENDED;
        record(actor, CaseAction.SUSPEND.apiName(), from, status, blankToNull(comment), Map.of("reason", reason.name()),
                "办理中止：" + reason.label() + "。中止期间不计入办理时限");
    }

    void resume(Actor actor, String comment, CaseRules rules) {
        authorize(CaseAction.RESUME, actor, rules);
        Validation.start().maxLength(comment, TEXT_LONG, "comment", "说明").throwIfInvalid();
        CaseStatus from = status;
        CaseDetails.Suspension open = details.suspensions.get(details.suspensions.size() - 1);
        String shift = shiftDeadline(open.startedAt(), rules);
        details.suspensions.set(details.suspensions.size() - 1, new CaseDetails.Suspension(open.reason(),
                open.comment(), open.startedAt(), open.startedBy(), rules.now(), by(actor), blankToNull(comment), shift));
        status = CaseStatus.IN_PROGRESS;
        record(actor, CaseAction.RESUME.apiName(), from, status, blankToNull(comment),
                Map.of("shift", shift, "dueAt", dueAt == null ? "" : dueAt),
                "恢复办理，办结时限" + shift + (dueAt == null ? "" : "，至 " + CaseTexts.dateTime(dueAt, rules.zone())));
    }

    /** Moves the deadline by the working time the case spent suspended (Dalian art. 15). */
    private String shiftDeadline(Instant suspendedAt, CaseRules rules) {
        if (dueAt == null) {
            return "不变";
        }
        TimeLimit limit = details.handlingLimit;
        if (limit != null && limit.unit() == LimitUnit.HOURS) {
            Duration lost = Duration.between(suspendedAt, rules.now());
            dueAt = dueAt.plus(lost);
            return "顺延 " + lost.toHours() + " 小时 " + lost.toMinutesPart() + " 分钟";
        }
        LocalDate from = suspendedAt.atZone(rules.zone()).toLocalDate();
        LocalDate to = rules.now().atZone(rules.zone()).toLocalDate();
        int days = rules.calendar().workingDaysBetween(from, to);
        if (days > 0) {
            dueAt = rules.calendar().extend(dueAt, TimeLimit.workingDays(days), rules.zone()).due();
        }
        return "顺延 " + days + " 个工作日";
    }

    record ResultInput(Finding finding, String verification, String measures, CaseDetails.Feedback feedback,
            String dissatisfactionReason, String nextSteps) {
    }

    void draftResult(Actor actor, ResultInput in, CaseRules rules) {
        authorize(CaseAction.DRAFT_RESULT, actor, rules);
        Validation v = Validation.start()
                .required(in.finding(), "finding", "核查结论")
                .required(in.verification(), "verification", "核查情况")
                .maxLength(in.verification(), TEXT_LONG, "verification", "核查情况")
                .required(in.measures(), "measures", "办理情况（解决措施、办理结果）")
                .maxLength(in.measures(), 2000, "measures", "办理情况")
                .required(in.feedback(), "feedback", "反馈情况");
        if (in.feedback() != null) {
            CaseDetails.Feedback f = in.feedback();
            v.required(f.at(), "feedback.at", "反馈日期");
            v.check(f.at() != null && f.at().isAfter(rules.now().atZone(rules.zone()).toLocalDate()), "feedback.at",
                    "反馈日期不能晚于今天");
            v.check(f.at() != null && f.at().isBefore(registeredAt.atZone(rules.zone()).toLocalDate()), "feedback.at",
                    "反馈日期不能早于登记日期");
            v.required(f.method(), "feedback.method", "反馈方式");
            v.maxLength(f.method(), 50, "feedback.method", "反馈方式");
            v.required(f.attitude(), "feedback.attitude", "投诉人态度");
            v.check(f.attitude() != null && !Set.of("SATISFIED", "DISSATISFIED").contains(f.attitude()),
                    "feedback.attitude", "投诉人态度应为 SATISFIED（满意）或 DISSATISFIED（不满意）");
            boolean unhappy = "DISSATISFIED".equals(f.attitude());
            v.check(unhappy && blank(in.dissatisfactionReason()), "dissatisfactionReason", "投诉人不满意时须填写不满意原因");
            v.check(unhappy && blank(in.nextSteps()), "nextSteps", "投诉人不满意时须填写下一步计划");
        }
        v.maxLength(in.dissatisfactionReason(), 500, "dissatisfactionReason", "不满意原因");
        v.maxLength(in.nextSteps(), 500, "nextSteps", "下一步计划");
        v.throwIfInvalid();
        details.draft = new CaseDetails.Result(round, in.finding(), in.verification().trim(), in.measures().trim(),
                in.feedback(), blankToNull(in.dissatisfactionReason()), blankToNull(in.nextSteps()), rules.now(),
                by(actor), null, null, null);
        record(actor, CaseAction.DRAFT_RESULT.apiName(), status, status, null,
                Map.of("finding", in.finding().name()), null);
    }

    void signOff(Actor actor, String comment, CaseRules rules) {
        authorize(CaseAction.SIGN_OFF, actor, rules);
        Validation.start().maxLength(comment, TEXT_LONG, "comment", "签发意见").throwIfInvalid();
        CaseStatus from = status;
        CaseDetails.Result d = details.draft;
        CaseDetails.Result signed = new CaseDetails.Result(d.round(), d.finding(), d.verification(), d.measures(),
                d.feedback(), d.dissatisfactionReason(), d.nextSteps(), d.draftedAt(), d.draftedBy(), rules.now(),
                by(actor), blankToNull(comment));
        details.results.add(signed);
        details.draft = null;
        finding = signed.finding();
        resultSubmittedAt = rules.now();
        status = CaseStatus.RESULT_SUBMITTED;
        record(actor, CaseAction.SIGN_OFF.apiName(), from, status, blankToNull(comment),
                Map.of("finding", signed.finding().name()), "承办单位已提交办理结果，营商办审核中");
    }

    // ------------------------------------------------------------------ office: review, visit, conclusion

    void review(Actor actor, Boolean approve, List<ReviewCheck> failedChecks, String comment, CaseRules rules) {
        authorize(CaseAction.REVIEW, actor, rules);
        List<ReviewCheck> failed = failedChecks == null ? List.of() : failedChecks;
        Validation.start()
                .required(approve, "approve", "审核结论")
                .check(failed.stream().anyMatch(Objects::isNull), "failedChecks", "审核项代码不正确")
                .check(Boolean.TRUE.equals(approve) && !failed.isEmpty(), "failedChecks", "审核通过时不应有不合格项")
                .check(Boolean.FALSE.equals(approve) && failed.isEmpty(), "failedChecks",
                        "退回重办时须勾选不符合要求的审核项（大连细则第九条(七)）")
                .check(Boolean.FALSE.equals(approve) && blank(comment), "comment", "退回重办时须填写意见")
                .maxLength(comment, TEXT_LONG, "comment", "审核意见")
                .throwIfInvalid();
        CaseStatus from = status;
        List<ReviewCheck> distinct = List.copyOf(new LinkedHashSet<>(failed));
        details.reviews.add(new CaseDetails.Review(round, approve, distinct, blankToNull(comment), rules.now(),
                by(actor)));
        String publicText;
        if (approve) {
            status = CaseStatus.VISITING;
            visitDueAt = rules.deadline(rules.now(), rules.policy().visitLimit());
            publicText = "办理结果已审核，等待回访评价";
        } else {
            redoCount++;
            resultSubmittedAt = null;
            status = CaseStatus.IN_PROGRESS;
            publicText = null;
        }
        record(actor, CaseAction.REVIEW.apiName(), from, status, blankToNull(comment),
                Map.of("approved", approve, "failedChecks", distinct.stream().map(Enum::name).toList()), publicText);
    }

    record VisitInput(Boolean reached, String method, Satisfaction satisfaction, String comment) {
    }

    void visit(Actor actor, VisitInput in, CaseRules rules) {
        CaseAction action = actor.isComplainant() ? CaseAction.EVALUATE : CaseAction.VISIT;
        authorize(action, actor, rules);
        boolean byComplainant = actor.isComplainant();
        Boolean reached = byComplainant ? Boolean.TRUE : in.reached();
        String method = byComplainant ? "ONLINE" : in.method();
        Validation.start()
                .required(reached, "reached", "是否联系上诉求人")
                .required(method, "method", "回访方式")
                .maxLength(method, 50, "method", "回访方式")
                .check(Boolean.TRUE.equals(reached) && in.satisfaction() == null, "satisfaction", "满意度不能为空")
                .check(Boolean.FALSE.equals(reached) && in.satisfaction() != null, "satisfaction",
                        "未联系上诉求人时不能填写满意度")
                .maxLength(in.comment(), TEXT_LONG, "comment", "回访记录")
                .throwIfInvalid();
        CaseStatus from = status;
        details.visits.add(new CaseDetails.Visit(round, reached, method.trim(), in.satisfaction(),
                blankToNull(in.comment()), rules.now(), by(actor), byComplainant));
        String publicText = null;
        if (reached) {
            satisfaction = in.satisfaction();
            if (rules.policy().closesLoop(in.satisfaction())) {
                closedAt = rules.now();
                end(CaseStatus.CLOSED, rules);
                publicText = (byComplainant ? "您的评价：" : "回访评价：") + in.satisfaction().label() + "。诉求已办结";
            } else {
                publicText = (byComplainant ? "您的评价：" : "回访评价：") + in.satisfaction().label()
                        + "。已要求承办单位作出说明";
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reached", reached);
        data.put("method", method.trim());
        if (in.satisfaction() != null) {
            data.put("satisfaction", in.satisfaction().name());
        }
        record(actor, action.apiName(), from, status, blankToNull(in.comment()), data, publicText);
    }

    void explain(Actor actor, String explanation, CaseRules rules) {
        authorize(CaseAction.EXPLAIN, actor, rules);
        Validation.start().required(explanation, "explanation", "情况说明")
                .maxLength(explanation, TEXT_LONG, "explanation", "情况说明").throwIfInvalid();
        details.explanations.add(new CaseDetails.Explanation(round, explanation.trim(), rules.now(), by(actor)));
        record(actor, CaseAction.EXPLAIN.apiName(), status, status, explanation.trim(), Map.of(),
                "承办单位就您的不满意作出说明：" + explanation.trim());
    }

    void conclude(Actor actor, Boolean rehandle, String newEvidence, String comment, CaseRules rules) {
        authorize(CaseAction.CONCLUDE, actor, rules);
        Validation v = Validation.start().required(rehandle, "rehandle", "研判结论")
                .maxLength(newEvidence, TEXT_LONG, "newEvidence", "新证据或理由")
                .maxLength(comment, TEXT_LONG, "comment", "研判意见")
                .check(Boolean.FALSE.equals(rehandle) && blank(comment), "comment",
                        "认定处理得当而办结时须写明研判意见");
        v.throwIfInvalid();
        if (rehandle && round >= rules.policy().maxRounds()) {
            throw ApiProblem.conflict("已进行第 " + round + " 轮办理，不能再次二次办理；如因承办单位推诿、敷衍、拖延导致不满意，"
                    + "可移送纪委监委（当前状态为" + status.describe() + "）");
        }
        boolean evidenceGiven = !blank(newEvidence) || materialsSinceLastVisit();
        if (rehandle && rules.policy().rehandleRequiresNewEvidence() && !evidenceGiven) {
            throw ApiProblem.invalid("newEvidence", "按现行政策，二次办理须诉求人提供新的证据和理由：请录入新证据，"
                    + "或等待诉求人补充材料");
        }
        CaseStatus from = status;
        details.conclusions.add(new CaseDetails.Conclusion(round, rehandle, blankToNull(newEvidence),
                blankToNull(comment), rules.now(), by(actor)));
        String publicText;
        if (rehandle) {
            round++;
            status = CaseStatus.IN_PROGRESS;
            resultSubmittedAt = null;
            visitDueAt = null;
            signedAt = rules.now();
            dueAt = rules.deadline(rules.now(), details.handlingLimit);
            publicText = "经研判，您的诉求进行二次办理，新的办结时限为 " + CaseTexts.dateTime(dueAt, rules.zone());
        } else {
            closedAt = rules.now();
            end(CaseStatus.CLOSED, rules);
            publicText = "经研判，承办单位已依法依规处理并作出说明，诉求办结";
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("rehandle", rehandle);
        data.put("round", round);
        if (rehandle) {
            data.put("dueAt", dueAt);
        }
        record(actor, CaseAction.CONCLUDE.apiName(), from, status, blankToNull(comment), data, publicText);
    }

    private boolean materialsSinceLastVisit() {
        Instant lastVisit = details.visits.isEmpty() ? registeredAt
                : details.visits.get(details.visits.size() - 1).at();
        return details.materials.stream().anyMatch(m -> !m.at().isBefore(lastVisit));
    }

    // ------------------------------------------------------------------ supervision and referral

    /** Issues a reminder, a numbered supervision notice or a report to leaders; returns what was issued. */
    CaseDetails.Supervision supervise(Actor actor, SupervisionLevel level, String content, String noticeNumber,
            boolean automatic, CaseRules rules) {
        authorize(CaseAction.SUPERVISE, actor, rules);
        Validation.start().required(level, "level", "督办级别").required(content, "content", "督办内容")
                .maxLength(content, TEXT_LONG, "content", "督办内容").throwIfInvalid();
        if (level == SupervisionLevel.NOTICE && leadUnitCode == null) {
            throw ApiProblem.conflict("尚未交办承办单位，不能下发督办单（当前状态为" + status.describe() + "）");
        }
        Instant replyDue = level == SupervisionLevel.NOTICE
                ? rules.deadline(rules.now(), rules.policy().supervisionReplyLimit()) : null;
        long id = details.supervisions.size() + 1L;
        CaseDetails.Supervision s = new CaseDetails.Supervision(id, level == SupervisionLevel.NOTICE ? noticeNumber : null,
                level, content.trim(), leadUnitCode, rules.now(), by(actor), replyDue, null, null, null, automatic);
        details.supervisions.add(s);
        supervisionCount++;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("supervisionId", id);
        data.put("level", level.name());
        data.put("automatic", automatic);
        if (s.number() != null) {
            data.put("number", s.number());
        }
        if (replyDue != null) {
            data.put("replyDueAt", replyDue);
        }
        record(actor, CaseAction.SUPERVISE.apiName(), status, status, content.trim(), data, null);
        return s;
    }

    void replySupervision(Actor actor, Long supervisionId, String content, CaseRules rules) {
        authorize(CaseAction.REPLY_SUPERVISION, actor, rules);
        CaseDetails.Supervision target = supervisionId == null ? null : details.supervisions.stream()
                .filter(s -> s.id() == supervisionId).findFirst().orElse(null);
        Validation.start()
                .required(supervisionId, "supervisionId", "督办单")
                .check(supervisionId != null && target == null, "supervisionId", "没有这个督办单")
                .check(target != null && !target.awaitingReply(), "supervisionId", "该督办单无需反馈或已反馈")
                .check(target != null && !Objects.equals(target.unitCode(), actor.orgCode()), "supervisionId",
                        "该督办单不是下发给本单位的")
                .required(content, "content", "反馈内容")
                .maxLength(content, TEXT_LONG, "content", "反馈内容")
                .throwIfInvalid();
        details.supervisions.set(details.supervisions.indexOf(target), new CaseDetails.Supervision(target.id(),
                target.number(), target.level(), target.content(), target.unitCode(), target.issuedAt(),
                target.issuedBy(), target.replyDueAt(), content.trim(), rules.now(), by(actor), target.automatic()));
        record(actor, CaseAction.REPLY_SUPERVISION.apiName(), status, status, content.trim(),
                Map.of("supervisionId", supervisionId, "late", rules.now().isAfter(target.replyDueAt())), null);
    }

    void refer(Actor actor, String target, String reason, CaseRules rules) {
        authorize(CaseAction.REFER, actor, rules);
        Validation.start().required(target, "target", "移送机关").maxLength(target, TEXT_SHORT, "target", "移送机关")
                .required(reason, "reason", "移送理由（涉嫌违规违纪违法线索）")
                .maxLength(reason, TEXT_LONG, "reason", "移送理由").throwIfInvalid();
        details.referrals.add(new CaseDetails.Referral(target.trim(), reason.trim(), rules.now(), by(actor)));
        referralCount++;
        record(actor, CaseAction.REFER.apiName(), status, status, reason.trim(), Map.of("target", target.trim()), null);
    }

    void terminate(Actor actor, TerminationReason reason, String comment, CaseRules rules) {
        authorize(CaseAction.TERMINATE, actor, rules);
        Validation.start().required(reason, "reason", "终结原因")
                .check(blank(comment), "comment", "请写明终结的事实和依据")
                .maxLength(comment, TEXT_LONG, "comment", "说明").throwIfInvalid();
        terminateWith(actor, CaseAction.TERMINATE, reason, comment.trim(), rules);
    }

    private void terminateWith(Actor actor, CaseAction action, TerminationReason reason, String comment,
            CaseRules rules) {
        CaseStatus from = status;
        closeOpenSuspension(actor, rules);
        details.termination = new CaseDetails.Termination(reason, comment, rules.now(), by(actor));
        end(CaseStatus.TERMINATED, rules);
        record(actor, action.apiName(), from, status, comment, Map.of("reason", reason.name()),
                "投诉处理终结：" + reason.label() + (comment == null ? "" : "。" + comment));
    }

    private void closeOpenSuspension(Actor actor, CaseRules rules) {
        if (status == CaseStatus.SUSPENDED && !details.suspensions.isEmpty()) {
            CaseDetails.Suspension open = details.suspensions.get(details.suspensions.size() - 1);
            details.suspensions.set(details.suspensions.size() - 1, new CaseDetails.Suspension(open.reason(),
                    open.comment(), open.startedAt(), open.startedBy(), rules.now(), by(actor), "随终结解除", "不变"));
        }
    }

    /** Archives the case as an immutable dossier (卷宗); the service stores the dossier itself. */
    void archive(Actor actor, String classification, String dossierHash, CaseRules rules) {
        authorize(CaseAction.ARCHIVE, actor, rules);
        details.archive = new CaseDetails.Archive(classification, dossierHash, rules.now(), by(actor));
        archivedAt = rules.now();
        record(actor, CaseAction.ARCHIVE.apiName(), status, status, null,
                Map.of("classification", classification, "dossierHash", dossierHash), "已归档");
    }

    // ------------------------------------------------------------------ the complainant

    void addMaterial(Actor actor, String content, List<String> attachmentIds, Boolean objection, CaseRules rules) {
        authorize(CaseAction.ADD_MATERIAL, actor, rules);
        List<String> files = attachmentIds == null ? List.of() : attachmentIds;
        Validation.start().check(blank(content) && files.isEmpty(), "content", "请填写补充内容或上传材料")
                .maxLength(content, TEXT_LONG, "content", "补充内容").throwIfInvalid();
        boolean isObjection = Boolean.TRUE.equals(objection);
        details.materials.add(new CaseDetails.Material(blankToNull(content), List.copyOf(files), isObjection,
                rules.now()));
        details.attachmentIds.addAll(files.stream().filter(f -> !details.attachmentIds.contains(f)).toList());
        record(actor, CaseAction.ADD_MATERIAL.apiName(), status, status, blankToNull(content),
                Map.of("attachmentIds", files, "objection", isObjection),
                isObjection ? "您提出了异议" : "您补充了材料");
    }

    void withdraw(Actor actor, String reason, CaseRules rules) {
        authorize(CaseAction.WITHDRAW, actor, rules);
        Validation.start().maxLength(reason, TEXT_LONG, "reason", "撤回原因").throwIfInvalid();
        terminateWith(actor, CaseAction.WITHDRAW, TerminationReason.WITHDRAWN, blankToNull(reason), rules);
    }

    void escalate(Actor actor, EscalationReason reason, String comment, CaseRules rules) {
        authorize(CaseAction.ESCALATE, actor, rules);
        Validation.start().required(reason, "reason", "向上级反映的理由")
                .check(reason == EscalationReason.OVERDUE && !overdue(rules.now()), "reason",
                        "案件未逾期：办理时限为 " + (dueAt == null ? "尚未开始计算" : CaseTexts.dateTime(dueAt, rules.zone())))
                .maxLength(comment, TEXT_LONG, "comment", "说明").throwIfInvalid();
        String from = officeRegionCode;
        Region parent = rules.directory().parent(officeRegionCode).orElseThrow();
        details.escalations.add(new CaseDetails.Escalation(reason, blankToNull(comment), from, parent.code(),
                rules.now()));
        escalatedAt = rules.now();
        officeRegionCode = parent.code();
        record(actor, CaseAction.ESCALATE.apiName(), status, status, blankToNull(comment),
                Map.of("reason", reason.name(), "fromRegionCode", from, "toRegionCode", parent.code()),
                "您以「" + reason.label() + "」为由向" + parent.name() + "营商办反映，已由其直接处理");
    }

    /** Overdue at {@code now}: acceptance, brief reply or handling deadline passed with the step not done. */
    public boolean overdue(Instant now) {
        if (status.isFinal()) {
            return false;
        }
        boolean acceptanceLate = status == CaseStatus.REGISTERED && acceptanceDueAt != null
                && now.isAfter(acceptanceDueAt);
        boolean handlingLate = dueAt != null && resultSubmittedAt == null && status != CaseStatus.SUSPENDED
                && EnumSet.of(CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS).contains(status) && now.isAfter(dueAt);
        boolean replyLate = firstRepliedAt == null && firstReplyDueAt != null && now.isAfter(firstReplyDueAt);
        return acceptanceLate || handlingLate || replyLate;
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The visit of this round found the complainant dissatisfied and the office has not concluded yet: a reached
     * visit that closed the loop would have closed the case, so any reached visit of this round still in
     * VISITING is a dissatisfied one.
     */
    public boolean awaitingExplanation() {
        return status == CaseStatus.VISITING
                && details.visits.stream().anyMatch(v -> v.round() == round && v.reached());
    }

    CaseDetails.Explanation explanationThisRound() {
        return details.explanations.stream().filter(e -> e.round() == round).reduce((a, b) -> b).orElse(null);
    }

    public CaseDetails.Extension pendingExtension() {
        return details.extensions.stream().filter(CaseDetails.Extension::pending).findFirst().orElse(null);
    }

    /** Working days still available for extension this round: {@code factor} × the original limit, less what was approved. */
    public int remainingExtensionDays(double factor) {
        TimeLimit limit = details.handlingLimit;
        if (limit == null) {
            return 0;
        }
        return capWorkingDays(limit, factor) - approvedExtensionDays();
    }

    /** The extension cap in working days; a limit in hours counts as whole days of 24 hours. */
    public static int capWorkingDays(TimeLimit limit, double factor) {
        return switch (limit.unit()) {
            case HOURS -> (int) Math.ceil(limit.amount() * factor / 24.0 - 1e-9);
            case DAYS, WORKING_DAYS -> (int) Math.floor(limit.amount() * factor + 1e-9);
        };
    }

    public int approvedExtensionDays() {
        return details.extensions.stream().filter(e -> e.round() == round && Boolean.TRUE.equals(e.approved()))
                .mapToInt(CaseDetails.Extension::workingDays).sum();
    }

    private void end(CaseStatus finalStatus, CaseRules rules) {
        status = finalStatus;
        endedAt = rules.now();
    }

    private void record(Actor actor, String action, CaseStatus from, CaseStatus to, String comment,
            Map<String, Object> data, String publicText) {
        newEvents.add(new TimelineEntry(eventTime, actor.username(), actor.displayName(), actor.orgCode(),
                actor.orgName(), action, from, to, comment, data == null ? Map.of() : data, publicText));
    }

    /** Appends an event (a warning colour, an automatic step) to the timeline without changing the status. */
    void note(Actor actor, String action, String comment, Map<String, Object> data, String publicText, Instant at) {
        eventTime = at;
        record(actor, action, status, status, comment, data, publicText);
    }

    private static CaseDetails.By by(Actor actor) {
        return new CaseDetails.By(actor.username(), actor.displayName(), actor.orgCode(), actor.orgName());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.trim();
    }

    private String unitsAtLoad;

    private String unitKey() {
        return leadUnitCode + "|" + String.join(",", cooperatingUnitCodes);
    }

    /** True when the lead or cooperating units changed since the case was loaded (storage keeps the scope index). */
    boolean unitsChanged() {
        return !unitKey().equals(unitsAtLoad);
    }

    void unitsStored() {
        unitsAtLoad = unitKey();
    }

    void timelineLoaded(List<TimelineEntry> stored) {
        this.timeline = List.copyOf(stored);
    }

    /** The timeline loaded with the case, or null when it was not loaded. */
    List<TimelineEntry> loadedTimeline() {
        return timeline;
    }

    List<TimelineEntry> peekNewEvents() {
        return List.copyOf(newEvents);
    }

    List<TimelineEntry> drainNewEvents() {
        List<TimelineEntry> events = List.copyOf(newEvents);
        newEvents.clear();
        return events;
    }

    void assignId(long id) {
        this.id = id;
    }

    void bumpVersion() {
        version++;
    }

    // ------------------------------------------------------------------ reading

    public Long id() { return id; }
    public String number() { return number; }
    public String trackingCodeHash() { return trackingCodeHash; }
    public CaseKind kind() { return kind; }
    public Complexity complexity() { return complexity; }
    public Channel channel() { return channel; }
    public String externalRef() { return externalRef; }
    public String regionCode() { return regionCode; }
    public String officeRegionCode() { return officeRegionCode; }
    public String oversightRegionCode() { return oversightRegionCode; }
    public String categoryCode() { return categoryCode; }
    public String title() { return title; }
    public String facts() { return facts; }
    public String request() { return request; }
    public Complainant complainant() { return complainant; }
    public Agent agent() { return agent; }
    public Respondent respondent() { return respondent; }
    public String registeredBy() { return registeredBy; }
    public CaseStatus status() { return status; }
    public int round() { return round; }
    public String leadUnitCode() { return leadUnitCode; }
    public List<String> cooperatingUnitCodes() { return Collections.unmodifiableList(cooperatingUnitCodes); }
    public Instant registeredAt() { return registeredAt; }
    public Instant acceptanceDueAt() { return acceptanceDueAt; }
    public Instant decidedAt() { return decidedAt; }
    public Instant acceptedAt() { return acceptedAt; }
    public Instant assignedAt() { return assignedAt; }
    public Instant signedAt() { return signedAt; }
    public Instant dueAt() { return dueAt; }
    public Instant firstReplyDueAt() { return firstReplyDueAt; }
    public Instant firstRepliedAt() { return firstRepliedAt; }
    public Instant resultSubmittedAt() { return resultSubmittedAt; }
    public Instant visitDueAt() { return visitDueAt; }
    public Instant closedAt() { return closedAt; }
    public Instant endedAt() { return endedAt; }
    public Instant archivedAt() { return archivedAt; }
    public Instant escalatedAt() { return escalatedAt; }
    public Finding finding() { return finding; }
    public Satisfaction satisfaction() { return satisfaction; }
    public int redoCount() { return redoCount; }
    public int extensionCount() { return extensionCount; }
    public int supervisionCount() { return supervisionCount; }
    public int referralCount() { return referralCount; }
    public CaseDetails details() { return details; }
    public int version() { return version; }
}
