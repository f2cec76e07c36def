package cn.yousu.calendar;

/** A time limit such as "5 working days" or "24 hours". */
public record TimeLimit(int amount, LimitUnit unit) {

    public TimeLimit {
        if (amount < 0) {
            throw new IllegalArgumentException("a time limit cannot be negative");
        }
        if (unit == null) {
            throw new IllegalArgumentException("a time limit needs a unit");
        }
    }

    public static TimeLimit workingDays(int n) {
        return new TimeLimit(n, LimitUnit.WORKING_DAYS);
    }

    public static TimeLimit hours(int n) {
        return new TimeLimit(n, LimitUnit.HOURS);
    }

    public static TimeLimit days(int n) {
        return new TimeLimit(n, LimitUnit.DAYS);
    }

    /** Chinese wording, for example {@code 5个工作日} or {@code 24小时}. */
    public String label() {
        return amount + unit.label();
    }

    @Override
    public String toString() {
        return label();
    }
}
