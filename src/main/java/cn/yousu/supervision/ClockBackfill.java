package cn.yousu.supervision;

import cn.yousu.casework.Case;
import cn.yousu.casework.CaseRules;
import cn.yousu.casework.CaseService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds the deadline clocks that should run but have no row: cases open before the deadline watch existed, or whose
 * clocks went missing, would otherwise be watched only once an action moves their deadline (the tracker writes what
 * an action changes, not what is missing). Once after start, it reads the open
 * cases in batches (keyset over the id) and compares each with what {@link ClockTracker#running} says should run;
 * only a case that lacks a clock is then locked and read again, so that the rows are added from its state as it
 * stands and no action changes it meanwhile. Several nodes starting at once add each clock once (the case's lock,
 * and an insert only where no row exists). Existing rows are left alone: a changed deadline is the tracker's.
 */
@Component
class ClockBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(ClockBackfill.class);
    static final int BATCH = 500;
    private static final int ATTEMPTS = 3;

    /** What a run did: open cases looked at, clocks added, cases whose clocks could not be added (next start). */
    record Result(int cases, int added, int failed) {
    }

    private final CaseService cases;
    private final DeadlineClocks clocks;
    private final TransactionTemplate transaction;
    private final boolean scheduled;

    ClockBackfill(CaseService cases, DeadlineClocks clocks, TransactionTemplate transaction,
            @Value("${yousu.jobs.enabled:true}") boolean scheduled) {
        this.cases = cases;
        this.clocks = clocks;
        this.transaction = transaction;
        this.scheduled = scheduled;
    }

    /** Once, shortly after start (on a scheduler thread: a million open cases do not hold up the start). */
    @Scheduled(initialDelayString = "${yousu.supervision.backfill-delay:10s}")
    void onStart() {
        if (scheduled) {
            Result r = run(BATCH);
            LOG.info("期限监控补齐：检查在办案件 {} 件，补建时限 {} 个{}", r.cases(), r.added(),
                    r.failed() == 0 ? "" : "，" + r.failed() + " 件未能补建（下次启动重试）");
        }
    }

    /** Goes over every open case, {@code batchSize} at a time. */
    Result run(int batchSize) {
        int seen = 0;
        int added = 0;
        int failed = 0;
        long after = 0;
        while (true) {
            List<Case> open = cases.openAfter(after, batchSize);
            if (open.isEmpty()) {
                return new Result(seen, added, failed);
            }
            seen += open.size();
            after = open.get(open.size() - 1).id();
            Map<Long, Set<String>> stored = clocks.keysOf(open.stream().map(Case::id).toList());
            List<Long> lacking = open.stream().filter(c -> lacks(c, stored)).map(Case::id).toList();
            if (!lacking.isEmpty()) {
                int n = fill(lacking);
                if (n < 0) {
                    failed += lacking.size();
                } else {
                    added += n;
                }
            }
        }
    }

    private static boolean lacks(Case c, Map<Long, Set<String>> stored) {
        return !stored.getOrDefault(c.id(), Set.of()).containsAll(ClockTracker.running(c).keySet());
    }

    /** Adds the missing clocks of {@code caseIds} under their cases' locks; how many, or -1 when it kept failing. */
    private int fill(List<Long> caseIds) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    CaseRules rules = cases.rules();
                    List<Case> locked = cases.lockForSystem(caseIds);
                    Map<Long, Set<String>> stored = clocks.keysOf(caseIds);
                    List<DeadlineClocks.NewClock> rows = new ArrayList<>();
                    for (Case c : locked) {
                        Set<String> have = stored.getOrDefault(c.id(), Set.of());
                        ClockTracker.running(c).forEach((key, due) -> {
                            if (!have.contains(key)) {
                                rows.add(ClockTracker.clock(c, key, due, rules));
                            }
                        });
                    }
                    return clocks.insertMissing(rows);
                });
            } catch (RuntimeException e) {
                // a deadlock with an action or the watch, say: the batch rolled back whole, try it again
                if (attempt == ATTEMPTS) {
                    LOG.warn("期限监控补齐：{} 件案件的时限未能补建：{}", caseIds.size(), e.toString());
                    return -1;
                }
            }
        }
    }
}
