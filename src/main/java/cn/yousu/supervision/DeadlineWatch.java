package cn.yousu.supervision;

import cn.yousu.casework.Case;
import cn.yousu.casework.CaseAction;
import cn.yousu.casework.CaseDetails;
import cn.yousu.casework.CaseService;
import cn.yousu.casework.SupervisionLevel;
import cn.yousu.identity.Actor;
import cn.yousu.identity.Role;
import cn.yousu.organization.Organization;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.organization.OrganizationKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deadline watch: one pass reads the clocks whose colour changes now (an index range on
 * {@code next_check_at}, never the whole table) and, a chunk of them per transaction, claims each change with a
 * conditional UPDATE and acts on it: the colour is recorded once on the timeline (and notified), an overdue handling
 * deadline gets a supervision notice (督办单), an unanswered notice is reported to the leaders. Several nodes may run
 * passes at once: only the node whose claim matched acts; a node that fails mid-way rolls its claim back and the
 * next pass does the work, so a restart loses nothing.
 */
@Component
public class DeadlineWatch {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineWatch.class);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    static final String YELLOW = "warning-yellow";
    static final String RED = "warning-red";
    private static final int BATCH = 500;
    private static final int CHUNK = 100;

    /** What one pass did. */
    public record Pass(int yellow, int red, int notices, int escalations, int lost) {
    }

    private final DeadlineClocks clocks;
    private final CaseService cases;
    private final OrganizationDirectory directory;
    private final TransactionTemplate transaction;
    private final TransactionTemplate nested;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean scheduled;
    private final ApplicationEventPublisher events;

    DeadlineWatch(DeadlineClocks clocks, CaseService cases, OrganizationDirectory directory,
            TransactionTemplate transaction, Clock clock, ZoneId applicationZone, ApplicationEventPublisher events,
            @Value("${yousu.jobs.enabled:true}") boolean scheduled) {
        this.events = events;
        this.clocks = clocks;
        this.cases = cases;
        this.directory = directory;
        this.transaction = new TransactionTemplate(transaction.getTransactionManager());
        this.nested = new TransactionTemplate(transaction.getTransactionManager());
        this.nested.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.zone = applicationZone;
        this.scheduled = scheduled;
    }

    @Scheduled(fixedDelayString = "${yousu.supervision.watch-interval:60s}", initialDelayString = "30s")
    void onSchedule() {
        if (scheduled) {
            Pass p = pass();
            if (p.yellow() + p.red() > 0) {
                LOG.info("期限监控：黄色预警 {}，红色预警 {}，自动督办单 {}，报请领导督办 {}", p.yellow(), p.red(), p.notices(),
                        p.escalations());
            }
        }
    }

    /** One full pass at the clock's "now": every clock whose colour changed is acted on, once. */
    public Pass pass() {
        Instant now = clock.instant();
        int yellow = 0;
        int red = 0;
        int notices = 0;
        int escalations = 0;
        int lost = 0;
        // rows acted on leave the due range (their next check is later or none); rows this node could not act on
        // stay in it, so each round asks for that many more and skips them
        Set<String> tried = new HashSet<>();
        while (true) {
            int limit = BATCH + tried.size();
            List<DeadlineClocks.Row> due = clocks.due(now, limit);
            List<DeadlineClocks.Row> fresh = due.stream().filter(r -> !tried.contains(r.caseId() + "/" + r.clock()))
                    .toList();
            // one commit per chunk (see actOn)
            for (int from = 0; from < fresh.size(); from += CHUNK) {
                List<DeadlineClocks.Row> chunk = fresh.subList(from, Math.min(fresh.size(), from + CHUNK));
                chunk.forEach(r -> tried.add(r.caseId() + "/" + r.clock()));
                for (Outcome o : actOn(chunk, now)) {
                    switch (o) {
                        case YELLOW -> yellow++;
                        case RED -> red++;
                        case RED_WITH_NOTICE -> {
                            red++;
                            notices++;
                        }
                        case RED_WITH_ESCALATION -> {
                            red++;
                            escalations++;
                        }
                        case LOST -> lost++;
                    }
                }
            }
            if (fresh.isEmpty() || due.size() < limit) {
                break;
            }
        }
        return new Pass(yellow, red, notices, escalations, lost);
    }

    enum Outcome { YELLOW, RED, RED_WITH_NOTICE, RED_WITH_ESCALATION, LOST }

    /** What acting on one clock did, and what its colour change tells the unit and the office. */
    private record Acted(Outcome outcome, DeadlineWarning warning) {
    }

    /**
     * Acts on a chunk of clocks in one transaction. First all together: one batched claim, then each change, then the
     * chunk's notifications in one batch. When anything fails (a concurrent change of a case, say), that transaction
     * rolls back whole and the chunk is done again clock by clock, each in a nested transaction (a savepoint) of its
     * own, so that only the failing clock is left for the next pass. Savepoints cost two round trips per clock, and
     * more than 64 writing ones in one PostgreSQL transaction slow every session's snapshots: the common case goes
     * without.
     */
    private List<Outcome> actOn(List<DeadlineClocks.Row> chunk, Instant now) {
        try {
            return transaction.execute(status -> actTogether(chunk, now));
        } catch (RuntimeException e) {
            LOG.debug("期限监控：一批 {} 个时限未能一并处理，逐个重试：{}", chunk.size(), e.toString());
        }
        try {
            return transaction.execute(status -> actOneByOne(chunk, now));
        } catch (RuntimeException e) {
            // the chunk's commit failed: none of it happened, the next pass tries again
            LOG.warn("期限监控：一批 {} 个时限提交失败：{}", chunk.size(), e.toString());
            return Collections.nCopies(chunk.size(), Outcome.LOST);
        }
    }

    private List<Outcome> actTogether(List<DeadlineClocks.Row> chunk, Instant now) {
        // the cases before their clocks, as every case action takes them: an officer's action on one of these cases
        // waits for the chunk (and is then judged against the noted case) instead of deadlocking with it
        cases.lockCasesForSystem(chunk.stream().map(DeadlineClocks.Row::caseId).distinct().toList());
        List<DeadlineClocks.Claim> claims = chunk.stream().map(r -> claimOf(r, now)).toList();
        boolean[] claimed = clocks.claimAll(claims, now);
        List<Outcome> outcomes = new ArrayList<>();
        List<DeadlineWarning> warnings = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            if (claimed[i]) {
                Acted acted = act(claims.get(i));
                outcomes.add(acted.outcome());
                warnings.add(acted.warning());
            } else {
                outcomes.add(Outcome.LOST);
            }
        }
        announce(warnings);
        return outcomes;
    }

    /** Clock by clock: the claim, the change and the notifications of each in a savepoint of their own. */
    private List<Outcome> actOneByOne(List<DeadlineClocks.Row> chunk, Instant now) {
        List<Outcome> outcomes = new ArrayList<>();
        for (DeadlineClocks.Row row : chunk) {
            Outcome outcome;
            try {
                outcome = nested.execute(status -> {
                    cases.lockCasesForSystem(List.of(row.caseId()));
                    DeadlineClocks.Claim claim = claimOf(row, now);
                    if (!clocks.claim(claim, now)) {
                        return Outcome.LOST;
                    }
                    Acted acted = act(claim);
                    announce(List.of(acted.warning()));
                    return acted.outcome();
                });
            } catch (RuntimeException e) {
                LOG.debug("期限监控：案件 {} 的 {} 本轮未处理：{}", row.caseNumber(), row.clock(), e.toString());
                outcome = Outcome.LOST;
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /** The chunk's colour changes, to be notified in the chunk's transaction (one batch of inbox and outbox rows). */
    private void announce(List<DeadlineWarning> warnings) {
        if (!warnings.isEmpty()) {
            events.publishEvent(new DeadlineWarnings(List.copyOf(warnings)));
        }
    }

    /** Red once overdue (and then nothing more to check), else yellow until just after the due moment. */
    private static DeadlineClocks.Claim claimOf(DeadlineClocks.Row row, Instant now) {
        boolean overdue = now.isAfter(row.dueAt());
        return new DeadlineClocks.Claim(row, overdue ? DeadlineClocks.Colour.RED : DeadlineClocks.Colour.YELLOW,
                overdue ? null : row.dueAt().plusMillis(1));
    }

    /** Records the claimed change on the case's timeline and, when overdue, supervises as the policy says. */
    private Acted act(DeadlineClocks.Claim claim) {
        DeadlineClocks.Row row = claim.row();
        boolean overdue = claim.colour() == DeadlineClocks.Colour.RED;
        WatchedClock kind = WatchedClock.ofKey(row.clock());
        Long supervisionId = WatchedClock.supervisionId(row.clock());
        String due = DATE_TIME.format(row.dueAt().atZone(zone));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("clock", row.clock());
        data.put("clockName", kind.label());
        data.put("colour", claim.colour().name());
        data.put("dueAt", row.dueAt().toString());
        data.put("due", due);
        String comment = overdue ? "红色预警：" + kind.label() + "已于 " + due + " 届满，现已超期"
                : "黄色预警：" + kind.label() + "将于 " + due + " 到期";
        Case c = cases.note(row.caseId(), overdue ? RED : YELLOW, comment, data, null);
        DeadlineWarning warning = new DeadlineWarning(c.id(), c.number(), c.title(), kind.label(), overdue, due,
                c.leadUnitCode(), c.cooperatingUnitCodes(), c.officeRegionCode());
        if (!overdue) {
            return new Acted(Outcome.YELLOW, warning);
        }
        if (kind == WatchedClock.HANDLING && c.leadUnitCode() != null && !awaitingNotice(c)
                && supervise(c, SupervisionLevel.NOTICE, "该案件已超过办理时限（" + due + " 届满）。请立即办理，"
                        + "并在规定时限内将办理结果书面反馈营商办。")) {
            return new Acted(Outcome.RED_WITH_NOTICE, warning);
        }
        if (kind == WatchedClock.SUPERVISION_REPLY && supervisionId != null) {
            CaseDetails.Supervision notice = c.details().supervisions().stream()
                    .filter(s -> s.id() == supervisionId).findFirst().orElse(null);
            if (notice != null && notice.awaitingReply() && notice.level() == SupervisionLevel.NOTICE
                    && supervise(c, SupervisionLevel.LEADER, "督办单" + (notice.number() == null ? "" : notice.number())
                            + "逾期未反馈（应于 " + due + " 前反馈），报请领导督办。")) {
                return new Acted(Outcome.RED_WITH_ESCALATION, warning);
            }
        }
        return new Acted(Outcome.RED, warning);
    }

    private static boolean awaitingNotice(Case c) {
        return c.details().supervisions().stream()
                .anyMatch(s -> s.awaitingReply() && s.level() == SupervisionLevel.NOTICE);
    }

    /** Issues a supervision in the name of the case's office, marked automatic; false when the case does not allow it. */
    private boolean supervise(Case c, SupervisionLevel level, String content) {
        Optional<Actor> office = officeActor(c);
        if (office.isEmpty() || !c.allowedActions(office.get(), cases.rules()).contains(CaseAction.SUPERVISE)) {
            return false;
        }
        cases.supervise(c.number(), office.get(), level, content, true);
        return true;
    }

    /** The system acting as the supervisor of the office that handles the case. */
    private Optional<Actor> officeActor(Case c) {
        return directory.officeOf(c.officeRegionCode()).map((Organization o) -> new Actor(Actor.SYSTEM,
                "系统（自动督办）", o.code(), o.name(), OrganizationKind.OFFICE, o.regionCode(), Set.of(Role.SUPERVISOR)));
    }
}
