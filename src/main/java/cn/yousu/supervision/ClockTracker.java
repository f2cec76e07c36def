package cn.yousu.supervision;

import cn.yousu.calendar.WorkCalendar;
import cn.yousu.casework.Case;
import cn.yousu.casework.CaseChanged;
import cn.yousu.casework.CaseDetails;
import cn.yousu.casework.CaseRules;
import cn.yousu.casework.CaseService;
import cn.yousu.casework.CaseStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code deadline_clock} in step with each case, in the transaction of the case's change: the clocks that run
 * in the case's status are added, a changed deadline starts its colour again, a stopped clock (step done, case
 * suspended or ended) is removed. It compares the case before and after the change, so an action that moves no
 * deadline costs no statement.
 */
@Component
class ClockTracker {

    private final CaseService cases;
    private final DeadlineClocks clocks;

    ClockTracker(CaseService cases, DeadlineClocks clocks) {
        this.cases = cases;
        this.clocks = clocks;
    }

    @EventListener
    void onChange(CaseChanged change) {
        track(change.before(), change.after());
    }

    /**
     * Writes what differs between the clocks running before the change and after it: a stopped clock is removed, a
     * new or moved deadline is written (its colour starts again), the scope follows a new office or lead unit. A change
     * that moves no deadline (most notes, the watch's own colours) writes nothing. A clock missing from the table
     * (a case older than the watch) is written by the upsert as if new.
     */
    void track(Case before, Case c) {
        Map<String, Instant> wanted = running(c);
        Map<String, Instant> had = before == null ? Map.of() : running(before);
        boolean scopeMoved = before != null && (!Objects.equals(before.officeRegionCode(), c.officeRegionCode())
                || !Objects.equals(before.leadUnitCode(), c.leadUnitCode()));
        if (wanted.equals(had) && !scopeMoved) {
            return;
        }
        for (String key : had.keySet()) {
            if (!wanted.containsKey(key)) {
                clocks.delete(c.id(), key);
            }
        }
        CaseRules rules = cases.rules();
        List<DeadlineClocks.NewClock> starts = new ArrayList<>();
        wanted.forEach((key, due) -> {
            if (!due.equals(had.get(key))) {
                starts.add(clock(c, key, due, rules));
            }
        });
        clocks.start(starts);
        if (scopeMoved && starts.size() < wanted.size()) {
            clocks.scope(c.id(), c.officeRegionCode(), c.leadUnitCode());
        }
    }

    /** The row of the clock {@code key} of case {@code c} due at {@code due}, with its yellow threshold and scope. */
    static DeadlineClocks.NewClock clock(Case c, String key, Instant due, CaseRules rules) {
        Instant yellow = yellowAt(due, rules.calendar(), rules.zone(),
                rules.policy().warnings().yellowWorkingDaysLeft());
        return new DeadlineClocks.NewClock(c.id(), key, c.number(), due, yellow, c.officeRegionCode(),
                c.leadUnitCode());
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
