package cn.yousu.supervision;

import java.util.List;

/**
 * Announced once per chunk of the watch's pass, inside its transaction, with the chunk's colour changes that were
 * recorded on the timelines: the notifications module writes all their inbox and outbox rows in one batch.
 */
public record DeadlineWarnings(List<DeadlineWarning> warnings) {
}
