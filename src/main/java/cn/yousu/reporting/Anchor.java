package cn.yousu.reporting;

/**
 * Which cases an indicator looks at in a period: each indicator counts the cases whose anchor falls in the period
 * (DESIGN §8), written over an alias {@code x} that is either the read model {@code report_case} or the case table
 * {@code case_file} (both have these columns).
 */
public enum Anchor {
    REGISTERED("registered_at", "registered_month", "期间登记的诉求"),
    ACCEPTED("accepted_at", "accepted_month", "期间受理的诉求"),
    /** Results due in the period: the handling deadline fell in the period and has passed or the result is in. */
    DUE("due_at", "due_month", "办理时限在期间内且已到期（或已提交结果）的诉求，不含未提交结果即终结的"),
    CLOSED("closed_at", "closed_month", "期间办结的诉求"),
    /** Visits with an answer in the period (report_visit). */
    VISIT("at", "visit_month", "期间联系上诉求人的回访");

    private final String column;
    private final String monthColumn;
    private final String label;

    Anchor(String column, String monthColumn, String label) {
        this.column = column;
        this.monthColumn = monthColumn;
        this.label = label;
    }

    public String column() {
        return column;
    }

    public String monthColumn() {
        return monthColumn;
    }

    public String label() {
        return label;
    }

    /**
     * The condition that the case's anchor is in {@code [?, ?)} (two parameters: from, to), plus for DUE a third
     * parameter: now.
     */
    String condition(String x) {
        String in = x + "." + column + " >= ? AND " + x + "." + column + " < ?";
        if (this == DUE) {
            return in + " AND (" + x + ".due_at < ? OR " + x + ".result_submitted_at IS NOT NULL)"
                    + " AND NOT (" + x + ".status = 'TERMINATED' AND " + x + ".result_submitted_at IS NULL)";
        }
        return in;
    }

    int parameterCount() {
        return this == DUE ? 3 : 2;
    }
}
