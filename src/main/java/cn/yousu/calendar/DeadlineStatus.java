package cn.yousu.calendar;

/**
 * Where a deadline stands today: NORMAL, YELLOW (the policy's number of working days or fewer left, or due
 * today) or RED (overdue). {@code label} is what a clerk reads on the badge.
 */
public record DeadlineStatus(State state, int workingDaysLeft, int overdueWorkingDays, String label) {

    public enum State { NORMAL, YELLOW, RED }
}
