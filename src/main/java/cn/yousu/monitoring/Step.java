package cn.yousu.monitoring;

import java.time.Instant;

/** One recorded step in a member's selection or life: who did what, when, with which decision. */
public record Step(long id, long memberId, String step, String stepName, Boolean approved, String reviewer,
        String comment, String actor, String actorName, Instant at) {
}
