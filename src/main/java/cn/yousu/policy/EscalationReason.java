package cn.yousu.policy;

/** When a complainant may go directly to the upper office (Dalian art. 5). */
public enum EscalationReason implements Labelled {
    OVERDUE("逾期不办"),
    UNFAIR("处理不公"),
    DISPUTE("双方对处理结果存在较大分歧"),
    MAJOR_IMPACT("投诉案件有重大影响"),
    MAJOR_LOSS("投诉案件造成重大损失");

    private final String label;

    EscalationReason(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String source() {
        return "大连 第五条";
    }
}
