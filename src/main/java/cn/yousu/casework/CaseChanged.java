package cn.yousu.casework;

import java.util.List;

/**
 * Announced once per stored change of a case, inside its transaction, after the {@link CaseActivity} of each of its
 * timeline events: the case as it was before ({@code null} for a new case) and as the change left it, so that a
 * listener keeping something derived from the case (clocks, the read model) writes only what differs, without
 * reading its own copy back. Listeners must not change either case.
 */
public record CaseChanged(Case before, Case after, List<TimelineEntry> recorded) {
}
