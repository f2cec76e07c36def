package cn.yousu.casework;

import cn.yousu.shared.AfterCommit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The cases this node wrote last, each as it stands at its version together with its timeline, so that the next
 * action or read of such a case costs one narrow read of its version instead of the whole row, its JSON details and
 * its timeline. Every change of a case raises its version (the one UPDATE that writes it and its events), so a case
 * kept at the version the database holds now is the stored case; any other version (another node's action, the
 * watch's note) is a miss, read in full. A case is kept only once its transaction has committed, and only after a
 * write (the row locked): a read could see the case and its timeline at two different moments.
 */
@Component
class RecentCases {

    private record Kept(Case snapshot, List<TimelineEntry> entries) {
    }

    /** The cases being worked on now, least recently used first out; a miss costs the reads it saves. */
    private static final int CAPACITY = 5_000;

    // Plain LRU: a frequency-based cache (Caffeine's) refused many new cases once full, in favour of closed ones
    // touched more often, which is the wrong way round for cases in progress.
    private final Map<String, Kept> kept = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > CAPACITY;
        }
    });

    private final CaseRepository cases;

    RecentCases(CaseRepository cases) {
        this.cases = cases;
    }

    /** The case numbered {@code number} as the database holds it now: a copy of the kept one at that version, or read. */
    Optional<Case> byNumber(String number) {
        Kept k = kept.get(number);
        if (k != null) {
            Integer stored = cases.versionOf(number).orElse(null);
            if (stored != null && stored == k.snapshot().version()) {
                return Optional.of(k.snapshot().copy());
            }
        }
        return cases.findByNumber(number);
    }

    /** The timeline of case {@code c} at the version it was read at: kept, or read. */
    List<TimelineEntry> timelineOf(Case c) {
        Kept k = kept.get(c.number());
        return k != null && k.snapshot().version() == c.version() ? k.entries() : cases.timeline(c.id());
    }

    /**
     * The timeline of a case an action has just written, in the action's transaction, the row still locked: the
     * timeline at the version it was read at ({@code readVersion}) with {@code recorded} added. The case and this
     * timeline are kept once the transaction commits.
     */
    List<TimelineEntry> afterWrite(Case c, int readVersion, List<TimelineEntry> recorded) {
        Kept k = kept.get(c.number());
        List<TimelineEntry> entries;
        if (k != null && k.snapshot().version() == readVersion) {
            List<TimelineEntry> grown = new ArrayList<>(k.entries().size() + recorded.size());
            grown.addAll(k.entries());
            grown.addAll(recorded);
            entries = List.copyOf(grown);
        } else {
            // the row is locked by this transaction's write: what it reads now is exactly this version's timeline
            entries = List.copyOf(cases.timeline(c.id()));
        }
        keepAfterCommit(c, entries);
        return entries;
    }

    /** A new case with the events its registration recorded. */
    void registered(Case c, List<TimelineEntry> recorded) {
        keepAfterCommit(c, List.copyOf(recorded));
    }

    private void keepAfterCommit(Case c, List<TimelineEntry> entries) {
        // outside a transaction nothing held the row between the write and the read: such a case is not kept
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Kept k = new Kept(c.copy(), entries);
            AfterCommit.run(() -> kept.put(c.number(), k));
        }
    }

    /** Forgets every case (tests that compare with what the database holds). */
    void forget() {
        kept.clear();
    }
}
