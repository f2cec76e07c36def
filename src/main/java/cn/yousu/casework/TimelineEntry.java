package cn.yousu.casework;

import java.time.Instant;
import java.util.Map;

/**
 * One event of a case's append-only timeline: who (user, organisation), when, what, the status before and
 * after, a comment and structured data. {@code publicText}, when set, is what the complainant sees.
 */
public record TimelineEntry(Instant at, String actor, String actorName, String orgCode, String orgName, String action,
        CaseStatus fromStatus, CaseStatus toStatus, String comment, Map<String, Object> data, String publicText) {
}
