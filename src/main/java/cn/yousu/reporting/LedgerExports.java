package cn.yousu.reporting;

import cn.yousu.casework.CaseSearch;
import cn.yousu.identity.Actor;
import cn.yousu.shared.ApiProblem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Ledger exports that run in the background so that the page can show their progress: each job writes its .xlsx to
 * a temporary file, its owner polls the rows written and downloads the file when it is done. Jobs and files are
 * dropped an hour after they started. Jobs live on the node that runs them (the page polls the same session's node).
 */
@Service
public class LedgerExports {

    private static final Logger log = LoggerFactory.getLogger(LedgerExports.class);
    static final Duration KEEP = Duration.ofHours(1);

    public enum State { RUNNING, DONE, FAILED }

    /** What the page shows of a job. */
    public record Status(String id, State state, long rows, long total, int percent, String error, Instant startedAt) {
    }

    private static final class Job {
        final String id = UUID.randomUUID().toString();
        final String owner;
        final long total;
        final Instant startedAt;
        final Path file;
        final AtomicLong rows = new AtomicLong();
        volatile State state = State.RUNNING;
        volatile String error;

        Job(String owner, long total, Instant startedAt, Path file) {
            this.owner = owner;
            this.total = total;
            this.startedAt = startedAt;
            this.file = file;
        }

        Status status() {
            int percent = state == State.DONE ? 100 : total == 0 ? 0 : (int) Math.min(99, rows.get() * 100 / total);
            return new Status(id, state, rows.get(), total, percent, error, startedAt);
        }
    }

    private final Ledger ledger;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    LedgerExports(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Starts exporting the filter's ledger; 400 for a bad filter, 403 for users without a ledger. */
    public Status start(Actor actor, CaseSearch.Filter filter) {
        long total = ledger.count(actor, filter);
        dropOld();
        Path file;
        try {
            file = Files.createTempFile("yousu-ledger-", ".xlsx");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the export file", e);
        }
        Job job = new Job(actor.username(), total, clock.instant(), file);
        jobs.put(job.id, job);
        Thread.ofVirtual().name("ledger-export-" + job.id).start(() -> run(job, actor, filter));
        return job.status();
    }

    private void run(Job job, Actor actor, CaseSearch.Filter filter) {
        try (OutputStream out = Files.newOutputStream(job.file)) {
            long n = ledger.write(actor, filter, out, job.rows::set);
            job.rows.set(n);
            job.state = State.DONE;
        } catch (RuntimeException | IOException e) {
            log.warn("ledger export {} failed", job.id, e);
            job.error = "导出失败，请重试";
            job.state = State.FAILED;
        }
    }

    /** The job of {@code actor}; 404 for anyone else's or an unknown one. */
    public Status status(Actor actor, String id) {
        return job(actor, id).status();
    }

    /** The finished file; 409 while it is still being written. */
    public Path file(Actor actor, String id) {
        Job job = job(actor, id);
        if (job.state != State.DONE) {
            throw ApiProblem.conflict("导出尚未完成（已导出 " + job.rows.get() + " / " + job.total + " 行）");
        }
        return job.file;
    }

    private Job job(Actor actor, String id) {
        Job job = id == null ? null : jobs.get(id);
        if (job == null || !job.owner.equals(actor.username())) {
            throw ApiProblem.notFound("没有这个导出任务，或已过期（保留 1 小时）");
        }
        return job;
    }

    private void dropOld() {
        Instant limit = clock.instant().minus(KEEP);
        jobs.values().removeIf(j -> {
            if (j.startedAt.isBefore(limit) && j.state != State.RUNNING) {
                try {
                    Files.deleteIfExists(j.file);
                } catch (IOException e) {
                    log.warn("cannot delete {}", j.file, e);
                }
                return true;
            }
            return false;
        });
    }
}
