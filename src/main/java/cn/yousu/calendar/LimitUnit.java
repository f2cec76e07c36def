package cn.yousu.calendar;

/** How a time limit is counted. */
public enum LimitUnit {
    /** Clock hours from the start (the 24-hour limit for simple matters). */
    HOURS("小时"),
    /** Calendar days; the deadline is the end of the Nth day after the start. */
    DAYS("日"),
    /** Working days on the official calendar; the deadline is the end of the Nth working day after the start. */
    WORKING_DAYS("个工作日");

    private final String label;

    LimitUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
