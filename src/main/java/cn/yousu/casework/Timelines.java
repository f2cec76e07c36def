package cn.yousu.casework;

import cn.yousu.shared.AfterCommit;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The timelines of the cases this node changed last, each with the version of the case it belongs to, so that the
 * next action on a case answers its timeline without reading it again. A timeline only grows together with its case's
 * version (every event is written by the UPDATE that raises it), so a timeline kept for the version a case is read at
 * is that case's timeline, whichever node wrote it; any other version (another node's action, the watch's note) is a
 * miss and is read from the database. A timeline is kept only once its transaction has committed.
 */
@Component
class Timelines {

    private record Kept(int version, List<TimelineEntry> entries) {
    }

    /** A few thousand cases: the ones being worked on now; a miss costs one read. */
    private final Cache<Long, Kept> kept = Caffeine.newBuilder().maximumSize(2_000).build();

    private final CaseRepository cases;

    Timelines(CaseRepository cases) {
        this.cases = cases;
    }

    /** The timeline of case {@code c} at the version it was read at: kept, or read. */
    List<TimelineEntry> of(Case c) {
        Kept k = kept.getIfPresent(c.id());
        return k != null && k.version() == c.version() ? k.entries() : cases.timeline(c.id());
    }

    /**
     * The timeline of a case an action has just written, in the action's transaction, the row still locked: the
     * timeline at the version it was read at ({@code readVersion}) with {@code recorded} added, kept once the
     * transaction commits.
     */
    List<TimelineEntry> afterWrite(Case c, int readVersion, List<TimelineEntry> recorded) {
        Kept k = kept.getIfPresent(c.id());
        List<TimelineEntry> entries;
        if (k != null && k.version() == readVersion) {
            List<TimelineEntry> grown = new ArrayList<>(k.entries().size() + recorded.size());
            grown.addAll(k.entries());
            grown.addAll(recorded);
            entries = List.copyOf(grown);
        } else {
            // the row is locked by this transaction's write: what it reads now is exactly this version's timeline
            entries = List.copyOf(cases.timeline(c.id()));
        }
        keepAfterCommit(c.id(), c.version(), entries);
        return entries;
    }

    /** A new case's timeline: the events its registration recorded. */
    void registered(Case c, List<TimelineEntry> recorded) {
        keepAfterCommit(c.id(), c.version(), List.copyOf(recorded));
    }

    private void keepAfterCommit(long caseId, int version, List<TimelineEntry> entries) {
        // outside a transaction nothing held the row between the write and the read: such a timeline is not kept
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            AfterCommit.run(() -> kept.put(caseId, new Kept(version, entries)));
        }
    }

    /** Forgets every timeline (tests that compare with what the database holds). */
    void forget() {
        kept.invalidateAll();
    }
}
