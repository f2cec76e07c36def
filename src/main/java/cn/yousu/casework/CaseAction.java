package cn.yousu.casework;

import static cn.yousu.casework.CaseStatus.ACCEPTED;
import static cn.yousu.casework.CaseStatus.ASSIGNED;
import static cn.yousu.casework.CaseStatus.CLOSED;
import static cn.yousu.casework.CaseStatus.IN_PROGRESS;
import static cn.yousu.casework.CaseStatus.REGISTERED;
import static cn.yousu.casework.CaseStatus.REJECTED;
import static cn.yousu.casework.CaseStatus.RESULT_SUBMITTED;
import static cn.yousu.casework.CaseStatus.SUSPENDED;
import static cn.yousu.casework.CaseStatus.TERMINATED;
import static cn.yousu.casework.CaseStatus.TRANSFERRED_OUT;
import static cn.yousu.casework.CaseStatus.VISITING;

import cn.yousu.identity.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every action on a case: its API name, who may take it (which party, which roles) and in which statuses.
 * Conditions beyond the status (a pending extension, a draft to sign off) are checked by {@link Case}.
 */
public enum CaseAction {
    ACCEPT("accept", "受理", Party.HANDLING_OFFICE, roles(Role.INTAKE), statuses(REGISTERED)),
    REJECT("reject", "不予受理", Party.HANDLING_OFFICE, roles(Role.INTAKE), statuses(REGISTERED)),
    TRANSFER_OUT("transfer-out", "转其他渠道", Party.HANDLING_OFFICE, roles(Role.INTAKE), statuses(REGISTERED)),
    ANSWER("answer", "即时答复", Party.HANDLING_OFFICE, roles(Role.INTAKE), statuses(REGISTERED)),
    ASSIGN("assign", "交办", Party.HANDLING_OFFICE, roles(Role.DISPATCHER), statuses(ACCEPTED)),
    TRANSFER_DOWN("transfer-down", "转办下级", Party.HANDLING_OFFICE, roles(Role.DISPATCHER, Role.INTAKE),
            statuses(REGISTERED, ACCEPTED)),
    SIGN("sign", "签收", Party.LEAD_UNIT, roles(Role.HANDLER, Role.UNIT_HEAD), statuses(ASSIGNED)),
    RETURN("return", "退回", Party.LEAD_UNIT, roles(Role.HANDLER, Role.UNIT_HEAD), statuses(ASSIGNED)),
    INITIAL_REPLY("initial-reply", "初步答复", Party.LEAD_UNIT, roles(Role.HANDLER, Role.UNIT_HEAD),
            statuses(IN_PROGRESS, SUSPENDED)),
    COOPERATE("cooperate", "提交配合意见", Party.COOPERATING_UNIT, roles(Role.HANDLER, Role.UNIT_HEAD),
            statuses(ASSIGNED, IN_PROGRESS, SUSPENDED)),
    REQUEST_EXTENSION("request-extension", "申请延期", Party.LEAD_UNIT, roles(Role.HANDLER, Role.UNIT_HEAD),
            statuses(IN_PROGRESS)),
    DECIDE_EXTENSION("decide-extension", "审批延期", Party.HANDLING_OFFICE, roles(Role.DISPATCHER, Role.SUPERVISOR),
            statuses(IN_PROGRESS, SUSPENDED, RESULT_SUBMITTED)),
    SUSPEND("suspend", "中止办理", Party.LEAD_UNIT_OR_HANDLING_OFFICE,
            roles(Role.HANDLER, Role.UNIT_HEAD, Role.DISPATCHER, Role.SUPERVISOR), statuses(IN_PROGRESS)),
    RESUME("resume", "恢复办理", Party.LEAD_UNIT_OR_HANDLING_OFFICE,
            roles(Role.HANDLER, Role.UNIT_HEAD, Role.DISPATCHER, Role.SUPERVISOR), statuses(SUSPENDED)),
    DRAFT_RESULT("draft-result", "拟写办理结果", Party.LEAD_UNIT, roles(Role.HANDLER), statuses(IN_PROGRESS)),
    SIGN_OFF("sign-off", "签发办理结果", Party.LEAD_UNIT, roles(Role.UNIT_HEAD), statuses(IN_PROGRESS)),
    REVIEW("review", "审核", Party.HANDLING_OFFICE, roles(Role.REVIEWER), statuses(RESULT_SUBMITTED)),
    VISIT("visit", "回访", Party.HANDLING_OFFICE_OR_LEAD_UNIT, roles(Role.VISITOR), statuses(VISITING)),
    EXPLAIN("explain", "作出说明", Party.LEAD_UNIT, roles(Role.HANDLER, Role.UNIT_HEAD), statuses(VISITING)),
    CONCLUDE("conclude", "研判（二次办理或办结）", Party.HANDLING_OFFICE, roles(Role.REVIEWER, Role.SUPERVISOR),
            statuses(VISITING)),
    SUPERVISE("supervise", "督办", Party.OVERSIGHT_OFFICE, roles(Role.SUPERVISOR),
            statuses(REGISTERED, ACCEPTED, ASSIGNED, IN_PROGRESS, SUSPENDED, RESULT_SUBMITTED, VISITING)),
    REPLY_SUPERVISION("reply-supervision", "督办反馈", Party.LEAD_UNIT, roles(Role.HANDLER, Role.UNIT_HEAD),
            EnumSet.allOf(CaseStatus.class)),
    REFER("refer", "移送纪委监委", Party.OVERSIGHT_OFFICE, roles(Role.SUPERVISOR), EnumSet.allOf(CaseStatus.class)),
    TERMINATE("terminate", "终结", Party.HANDLING_OFFICE, roles(Role.INTAKE, Role.DISPATCHER, Role.SUPERVISOR),
            statuses(REGISTERED, ACCEPTED, ASSIGNED, IN_PROGRESS, SUSPENDED, RESULT_SUBMITTED, VISITING)),
    ARCHIVE("archive", "归档", Party.HANDLING_OFFICE,
            roles(Role.INTAKE, Role.DISPATCHER, Role.REVIEWER, Role.VISITOR, Role.SUPERVISOR),
            statuses(REJECTED, TRANSFERRED_OUT, CLOSED, TERMINATED)),
    // the complainant's actions on the public side (number + tracking code)
    ADD_MATERIAL("materials", "补充材料", Party.COMPLAINANT, Set.of(),
            statuses(REGISTERED, ACCEPTED, ASSIGNED, IN_PROGRESS, SUSPENDED, RESULT_SUBMITTED, VISITING)),
    WITHDRAW("withdraw", "撤回诉求", Party.COMPLAINANT, Set.of(),
            statuses(REGISTERED, ACCEPTED, ASSIGNED, IN_PROGRESS, SUSPENDED, RESULT_SUBMITTED, VISITING)),
    EVALUATE("evaluate", "评价", Party.COMPLAINANT, Set.of(), statuses(VISITING)),
    ESCALATE("escalate", "向上级营商办反映", Party.COMPLAINANT, Set.of(),
            statuses(REGISTERED, ACCEPTED, ASSIGNED, IN_PROGRESS, SUSPENDED, RESULT_SUBMITTED, VISITING));

    /** Whose action it is, relative to the case. */
    public enum Party {
        /** The office currently handling the case. */
        HANDLING_OFFICE,
        /** The handling office or an office above it (upper-office oversight, 跟踪督办). */
        OVERSIGHT_OFFICE,
        LEAD_UNIT,
        COOPERATING_UNIT,
        LEAD_UNIT_OR_HANDLING_OFFICE,
        HANDLING_OFFICE_OR_LEAD_UNIT,
        COMPLAINANT
    }

    private final String apiName;
    private final String label;
    private final Party party;
    private final Set<Role> roles;
    private final Set<CaseStatus> statuses;

    CaseAction(String apiName, String label, Party party, Set<Role> roles, Set<CaseStatus> statuses) {
        this.apiName = apiName;
        this.label = label;
        this.party = party;
        this.roles = roles;
        this.statuses = statuses;
    }

    public String apiName() {
        return apiName;
    }

    public String label() {
        return label;
    }

    public Party party() {
        return party;
    }

    public Set<Role> roles() {
        return roles;
    }

    public Set<CaseStatus> statuses() {
        return statuses;
    }

    public static Optional<CaseAction> byApiName(String name) {
        return Arrays.stream(values()).filter(a -> a.apiName.equals(name)).findFirst();
    }

    private static Set<Role> roles(Role... roles) {
        return EnumSet.copyOf(Arrays.asList(roles));
    }

    private static Set<CaseStatus> statuses(CaseStatus first, CaseStatus... rest) {
        return EnumSet.of(first, rest);
    }
}
