package cn.yousu.casework;

import cn.yousu.calendar.Deadline;
import cn.yousu.calendar.TimeLimit;
import cn.yousu.calendar.WorkCalendar;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.policy.Policy;
import java.time.Instant;
import java.time.ZoneId;

/** What the case needs to decide an action: the policy, the calendar, the time zone, "now" and the directory. */
public record CaseRules(Policy policy, WorkCalendar calendar, ZoneId zone, Instant now,
        OrganizationDirectory directory) {

    public Instant deadline(Instant start, TimeLimit limit) {
        return calendar.deadline(start, limit, zone).due();
    }

    public Deadline deadlineWithWarnings(Instant start, TimeLimit limit) {
        return calendar.deadline(start, limit, zone);
    }

    public TimeLimit handlingLimit(Complexity complexity) {
        return switch (complexity) {
            case SIMPLE -> policy.timeLimits().simple();
            case GENERAL -> policy.timeLimits().general();
            case COMPLEX -> policy.timeLimits().complex();
        };
    }
}
