package cn.yousu.casework;

/** Where a case stands (DESIGN §4). */
public enum CaseStatus {
    REGISTERED("已登记", "已登记，等待受理"),
    REJECTED("不予受理", "不予受理"),
    TRANSFERRED_OUT("转其他渠道", "已转其他渠道办理"),
    ACCEPTED("已受理", "已受理，正在交办"),
    ASSIGNED("已交办", "已交承办单位，等待签收"),
    IN_PROGRESS("办理中", "承办单位正在办理"),
    SUSPENDED("中止", "办理中止（中止期间不计入办理时限）"),
    RESULT_SUBMITTED("待审核", "承办单位已提交办理结果，营商办审核中"),
    VISITING("待回访", "办理完毕，等待回访评价"),
    CLOSED("已办结", "已办结"),
    TERMINATED("已终结", "已终结");

    private final String label;
    private final String publicText;

    CaseStatus(String label, String publicText) {
        this.label = label;
        this.publicText = publicText;
    }

    public String label() {
        return label;
    }

    /** The status in plain words for the complainant. */
    public String publicText() {
        return publicText;
    }

    /** Final statuses can only be archived. */
    public boolean isFinal() {
        return this == REJECTED || this == TRANSFERRED_OUT || this == CLOSED || this == TERMINATED;
    }

    public boolean isOpen() {
        return !isFinal();
    }

    /** "当前状态为「办理中」(IN_PROGRESS)". */
    public String describe() {
        return "「" + label + "」(" + name() + ")";
    }
}
