package cn.yousu.monitoring;

/**
 * Where a member stands. Selection: NOMINATED → PRELIMINARY_PASSED → OFFICE_PASSED → ACTIVE (or NOT_SELECTED at
 * any review). An active member's term ends by itself (EXPIRED, computed from the clock, never stored); the office
 * may end it early (EXITED after the dynamic-exit evaluation, REMOVED at once for misconduct).
 */
public enum MemberStatus {
    NOMINATED("待初审"),
    PRELIMINARY_PASSED("初审通过，待营商办复审"),
    OFFICE_PASSED("复审通过，待领导小组审定"),
    ACTIVE("在聘"),
    NOT_SELECTED("未通过遴选"),
    EXPIRED("聘期届满，自然退出"),
    EXITED("动态调整退出"),
    REMOVED("取消资格");

    private final String label;

    MemberStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean inSelection() {
        return this == NOMINATED || this == PRELIMINARY_PASSED || this == OFFICE_PASSED;
    }
}
