package cn.yousu.casework;

import cn.yousu.identity.Actor;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work queues of the workbench (我的工作台): for each step of the loop, the cases on which this user may take
 * that step now — decided by {@link Case#allowedActions}, the same rule the case page and the API use. SQL only
 * narrows the candidates (status, the user's office or unit); the case decides. Sorted by urgency: overdue first
 * (most overdue first), then due soonest.
 */
@Service
public class WorkQueues {

    /** Candidates looked at per queue; a longer queue shows "100+" and links to the case list. */
    static final int LIMIT = 100;
    /** The most urgent cases shown per queue; the rest are in the case list. */
    static final int SHOWN = 20;

    private final CaseRepository cases;
    private final CaseService service;

    WorkQueues(CaseRepository cases, CaseService service) {
        this.cases = cases;
        this.service = service;
    }

    /** One queue: the step (its action), the cases waiting for it, how many, and the statuses to list them all. */
    public record Queue(String key, String label, CaseAction action, List<Item> items, int count, boolean more,
            String statuses) {
    }

    public record Item(String number, String title, String statusName, String leadUnitName, String complainantName,
            OffsetDateTime registeredAt, CaseView.DeadlineView deadline, boolean overdue, int round) {
    }

    private record Definition(String key, String label, CaseAction action, Set<CaseStatus> statuses,
            String urgency) {
    }

    private static final List<Definition> QUEUES = List.of(
            new Definition("screen", "待受理", CaseAction.ACCEPT, EnumSet.of(CaseStatus.REGISTERED),
                    "c.acceptance_due_at"),
            new Definition("dispatch", "待交办", CaseAction.ASSIGN, EnumSet.of(CaseStatus.ACCEPTED),
                    "c.first_reply_due_at"),
            new Definition("sign", "待签收", CaseAction.SIGN, EnumSet.of(CaseStatus.ASSIGNED), "c.due_at"),
            new Definition("handle", "办理中", CaseAction.DRAFT_RESULT, EnumSet.of(CaseStatus.IN_PROGRESS), "c.due_at"),
            new Definition("sign-off", "待签发", CaseAction.SIGN_OFF, EnumSet.of(CaseStatus.IN_PROGRESS), "c.due_at"),
            new Definition("cooperate", "待配合", CaseAction.COOPERATE,
                    EnumSet.of(CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS, CaseStatus.SUSPENDED), "c.due_at"),
            new Definition("extension", "待审批延期", CaseAction.DECIDE_EXTENSION,
                    EnumSet.of(CaseStatus.IN_PROGRESS, CaseStatus.SUSPENDED, CaseStatus.RESULT_SUBMITTED), "c.due_at"),
            new Definition("review", "待审核", CaseAction.REVIEW, EnumSet.of(CaseStatus.RESULT_SUBMITTED),
                    "c.result_submitted_at"),
            new Definition("visit", "待回访", CaseAction.VISIT, EnumSet.of(CaseStatus.VISITING), "c.visit_due_at"),
            new Definition("explain", "待说明", CaseAction.EXPLAIN, EnumSet.of(CaseStatus.VISITING), "c.visit_due_at"),
            new Definition("conclude", "待研判", CaseAction.CONCLUDE, EnumSet.of(CaseStatus.VISITING),
                    "c.visit_due_at"),
            new Definition("supervision", "督办待反馈", CaseAction.REPLY_SUPERVISION,
                    EnumSet.allOf(CaseStatus.class), "c.due_at"),
            new Definition("suspended", "已中止", CaseAction.RESUME, EnumSet.of(CaseStatus.SUSPENDED), "c.due_at"),
            new Definition("archive", "待归档", CaseAction.ARCHIVE,
                    EnumSet.of(CaseStatus.REJECTED, CaseStatus.TRANSFERRED_OUT, CaseStatus.CLOSED,
                            CaseStatus.TERMINATED), "c.ended_at"));

    /** The queues that concern {@code actor} (by role and organisation), each with the cases waiting now. */
    @Transactional(readOnly = true)
    public List<Queue> queues(Actor actor) {
        CaseRules rules = service.rules();
        List<Queue> result = new ArrayList<>();
        for (Definition d : QUEUES) {
            if (!d.action().roles().isEmpty() && !actor.hasAny(d.action().roles())) {
                continue;
            }
            StringBuilder where = new StringBuilder("c.status IN (")
                    .append(d.statuses().stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ")))
                    .append(") AND c.archived_at IS NULL");
            List<Object> params = new ArrayList<>();
            if (!party(d.action().party(), actor, where, params)) {
                continue;
            }
            if (d.action() == CaseAction.REPLY_SUPERVISION) {
                where.append(" AND c.supervision_count > 0");
            }
            List<Case> candidates = cases.findWhere(where.toString(), params, d.urgency() + " NULLS LAST, c.id",
                    LIMIT + 1);
            boolean more = candidates.size() > LIMIT;
            boolean names = actor.inOffice() || actor.inGovernment();
            List<Item> items = candidates.stream().limit(LIMIT)
                    .filter(c -> c.allowedActions(actor, rules).contains(d.action()))
                    .map(c -> item(c, rules, names))
                    .sorted(URGENCY).toList();
            result.add(new Queue(d.key(), d.label(), d.action(), items.stream().limit(SHOWN).toList(), items.size(),
                    more,
                    d.statuses().stream().map(Enum::name).collect(Collectors.joining(","))));
        }
        return result;
    }

    /** Narrows to the cases where {@code actor} can be the party of the action; false when it never can. */
    private static boolean party(CaseAction.Party party, Actor actor, StringBuilder where, List<Object> params) {
        boolean office = actor.inOffice() && actor.regionCode() != null;
        boolean unit = actor.inUnit() && actor.orgCode() != null;
        switch (party) {
            case HANDLING_OFFICE, OVERSIGHT_OFFICE -> {
                if (!office) {
                    return false;
                }
                where.append(" AND c.office_region_code = ?");
                params.add(actor.regionCode());
            }
            case LEAD_UNIT -> {
                if (!unit) {
                    return false;
                }
                where.append(" AND c.lead_unit_code = ?");
                params.add(actor.orgCode());
            }
            case COOPERATING_UNIT -> {
                if (!unit) {
                    return false;
                }
                where.append(" AND EXISTS (SELECT 1 FROM case_unit u WHERE u.case_id = c.id AND u.unit_code = ?"
                        + " AND u.role = 'COOPERATING')");
                params.add(actor.orgCode());
            }
            case LEAD_UNIT_OR_HANDLING_OFFICE, HANDLING_OFFICE_OR_LEAD_UNIT -> {
                if (office) {
                    where.append(" AND c.office_region_code = ?");
                    params.add(actor.regionCode());
                } else if (unit) {
                    where.append(" AND c.lead_unit_code = ?");
                    params.add(actor.orgCode());
                } else {
                    return false;
                }
            }
            case COMPLAINANT -> {
                return false;
            }
        }
        return true;
    }

    private static Item item(Case c, CaseRules rules, boolean names) {
        Complainant p = c.complainant();
        return new Item(c.number(), c.title(), c.status().label(),
                c.leadUnitCode() == null ? null : rules.directory().organizationName(c.leadUnitCode()),
                !names ? null : p.anonymous() ? "（匿名）" : p.displayName(), CaseViews.at(c.registeredAt(), rules),
                CaseViews.deadline(c, rules), c.overdue(rules.now()), c.round());
    }

    /** Red before yellow before the rest; the most overdue, then the soonest due first; no deadline last. */
    static final Comparator<Item> URGENCY = Comparator
            .comparingInt((Item i) -> i.deadline() == null ? 3 : switch (i.deadline().state()) {
                case "RED" -> 0;
                case "YELLOW" -> 1;
                default -> 2;
            })
            .thenComparing(i -> i.deadline() == null ? 0 : -i.deadline().overdueWorkingDays())
            .thenComparing(i -> i.deadline() == null ? null : i.deadline().dueAt(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Item::registeredAt, Comparator.nullsLast(Comparator.naturalOrder()));
}
