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
 * {@code next_check_at}, never the whole table) and, for each, in a transaction of its own, claims the change with a
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
            // one commit per chunk; each clock in a nested transaction (a savepoint), so that a clock that cannot
            // be acted on now (a concurrent change of its case) rolls back alone
            for (int from = 0; from < fresh.size(); from += CHUNK) {
                List<DeadlineClocks.Row> chunk = fresh.subList(from, Math.min(fresh.size(), from + CHUNK));
                List<Outcome> outcomes = new java.util.ArrayList<>();
                try {
                    transaction.executeWithoutResult(outer -> {
                        for (DeadlineClocks.Row row : chunk) {
                            tried.add(row.caseId() + "/" + row.clock());
                            Outcome o;
                            try {
                                o = nested.execute(status -> act(row, now));
                            } catch (RuntimeException e) {
                                LOG.debug("期限监控：案件 {} 的 {} 本轮未处理：{}", row.caseNumber(), row.clock(), e.toString());
                                o = Outcome.LOST;
                            }
                            outcomes.add(o);
                        }
                    });
                } catch (RuntimeException e) {
                    // the chunk's commit failed: none of it happened, the next pass tries again
                    LOG.warn("期限监控：一批 {} 个时限提交失败：{}", chunk.size(), e.toString());
                    chunk.forEach(r -> tried.add(r.caseId() + "/" + r.clock()));
                    outcomes.clear();
                    chunk.forEach(r -> outcomes.add(Outcome.LOST));
                }
                for (Outcome o : outcomes) {
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

    private Outcome act(DeadlineClocks.Row row, Instant now) {
        boolean overdue = now.isAfter(row.dueAt());
        DeadlineClocks.Colour colour = overdue ? DeadlineClocks.Colour.RED : DeadlineClocks.Colour.YELLOW;
        Instant next = overdue ? null : row.dueAt().plusMillis(1);
        if (!clocks.claim(row, colour, next, now)) {
            return Outcome.LOST;
        }
        WatchedClock kind = WatchedClock.ofKey(row.clock());
        Long supervisionId = WatchedClock.supervisionId(row.clock());
        String due = DATE_TIME.format(row.dueAt().atZone(zone));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("clock", row.clock());
        data.put("clockName", kind.label());
        data.put("colour", colour.name());
        data.put("dueAt", row.dueAt().toString());
        data.put("due", due);
        String comment = overdue ? "红色预警：" + kind.label() + "已于 " + due + " 届满，现已超期"
                : "黄色预警：" + kind.label() + "将于 " + due + " 到期";
        Case c = cases.note(row.caseId(), overdue ? RED : YELLOW, comment, data, null);
        events.publishEvent(new DeadlineWarning(c.id(), c.number(), c.title(), kind.label(), overdue, due,
                c.leadUnitCode(), c.cooperatingUnitCodes(), c.officeRegionCode()));
        if (!overdue) {
            return Outcome.YELLOW;
        }
        if (kind == WatchedClock.HANDLING && c.leadUnitCode() != null && !awaitingNotice(c)
                && supervise(c, SupervisionLevel.NOTICE, "该案件已超过办理时限（" + due + " 届满）。请立即办理，"
                        + "并在规定时限内将办理结果书面反馈营商办。")) {
            return Outcome.RED_WITH_NOTICE;
        }
        if (kind == WatchedClock.SUPERVISION_REPLY && supervisionId != null) {
            CaseDetails.Supervision notice = c.details().supervisions().stream()
                    .filter(s -> s.id() == supervisionId).findFirst().orElse(null);
            if (notice != null && notice.awaitingReply() && notice.level() == SupervisionLevel.NOTICE
                    && supervise(c, SupervisionLevel.LEADER, "督办单" + (notice.number() == null ? "" : notice.number())
                            + "逾期未反馈（应于 " + due + " 前反馈），报请领导督办。")) {
                return Outcome.RED_WITH_ESCALATION;
            }
        }
        return Outcome.RED;
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
