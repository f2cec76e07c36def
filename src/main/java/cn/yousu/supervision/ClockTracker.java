package cn.yousu.supervision;

import cn.yousu.calendar.WorkCalendar;
import cn.yousu.casework.Case;
import cn.yousu.casework.CaseActivity;
import cn.yousu.casework.CaseDetails;
import cn.yousu.casework.CaseRules;
import cn.yousu.casework.CaseService;
import cn.yousu.casework.CaseStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code deadline_clock} in step with each case, in the transaction of the case's change: the clocks that run
 * in the case's status are added, a changed deadline starts its colour again, a stopped clock (step done, case
 * suspended or ended) is removed.
 */
@Component
class ClockTracker {

    private final CaseService cases;
    private final DeadlineClocks clocks;

    ClockTracker(CaseService cases, DeadlineClocks clocks) {
        this.cases = cases;
        this.clocks = clocks;
    }

    /** Notes that change no deadline: the watch's own colours and the 回头看 steps. */
    private static final java.util.Set<String> NO_DEADLINE_CHANGE = java.util.Set.of(DeadlineWatch.YELLOW,
            DeadlineWatch.RED, "followup-sampled", "followup-visit", "followup-decision");

    @EventListener
    void onActivity(CaseActivity activity) {
        if (!NO_DEADLINE_CHANGE.contains(activity.action())) {
            cases.forSystem(activity.caseId()).ifPresent(this::track);
        }
    }

    void track(Case c) {
        CaseRules rules = cases.rules();
        Map<String, Instant> wanted = running(c);
        Map<String, DeadlineClocks.Row> stored = new LinkedHashMap<>();
        clocks.ofCase(c.id()).forEach(r -> stored.put(r.clock(), r));
        for (DeadlineClocks.Row r : stored.values()) {
            if (!wanted.containsKey(r.clock())) {
                clocks.delete(c.id(), r.clock());
            }
        }
        int yellowDays = rules.policy().warnings().yellowWorkingDaysLeft();
        wanted.forEach((key, due) -> {
            DeadlineClocks.Row r = stored.get(key);
            if (r == null) {
                clocks.insert(c.id(), key, c.number(), due, yellowAt(due, rules.calendar(), rules.zone(), yellowDays));
            } else if (!r.dueAt().equals(due)) {
                clocks.reset(c.id(), key, due, yellowAt(due, rules.calendar(), rules.zone(), yellowDays));
            }
        });
        if (!wanted.isEmpty()) {
            clocks.scope(c.id(), c.officeRegionCode(), c.leadUnitCode());
        }
    }

    /** The clocks running in the case's present state, by key, with their deadlines. */
    static Map<String, Instant> running(Case c) {
        Map<String, Instant> wanted = new LinkedHashMap<>();
        CaseStatus s = c.status();
        if (s.isFinal() || c.archivedAt() != null) {
            return wanted;
        }
        if (s == CaseStatus.REGISTERED && c.acceptanceDueAt() != null) {
            wanted.put(WatchedClock.ACCEPTANCE.key(null), c.acceptanceDueAt());
        }
        if (c.firstRepliedAt() == null && c.firstReplyDueAt() != null && s != CaseStatus.SUSPENDED) {
            wanted.put(WatchedClock.BRIEF_REPLY.key(null), c.firstReplyDueAt());
        }
        if ((s == CaseStatus.ASSIGNED || s == CaseStatus.IN_PROGRESS) && c.dueAt() != null) {
            wanted.put(WatchedClock.HANDLING.key(null), c.dueAt());
        }
        if (s == CaseStatus.VISITING && c.visitDueAt() != null && !c.awaitingExplanation()) {
            wanted.put(WatchedClock.VISIT.key(null), c.visitDueAt());
        }
        for (CaseDetails.Supervision sup : c.details().supervisions()) {
            if (sup.awaitingReply()) {
                wanted.put(WatchedClock.SUPERVISION_REPLY.key(sup.id()), sup.replyDueAt());
            }
        }
        return wanted;
    }

    /**
     * The moment the clock turns yellow: the start of the first day from which at most {@code yellowDays} working
     * days are left before the due date (the same rule as {@link WorkCalendar#status}).
     */
    static Instant yellowAt(Instant due, WorkCalendar calendar, ZoneId zone, int yellowDays) {
        LocalDate dueDate = due.atZone(zone).toLocalDate();
        LocalDate day = dueDate;
        while (calendar.workingDaysBetween(day.minusDays(1), dueDate) <= yellowDays) {
            day = day.minusDays(1);
        }
        Instant start = day.atStartOfDay(zone).toInstant();
        return start.isAfter(due) ? due : start;
    }
}
