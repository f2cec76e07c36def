package cn.yousu.policy;

/** Why the clock stops (投诉处理中止), Dalian art. 15; suspended time does not count. */
public enum SuspensionReason implements Labelled {
    COMPLAINANT_REQUEST("投诉人要求中止", "大连 第十五条(一)"),
    AWAITING_EVIDENCE("投诉人需补充证明材料而未能提供", "大连 第十五条(二)"),
    LEGAL_OTHER("法律、法规规定的其他情形", "大连 第十五条(三)");

    private final String label;
    private final String source;

    SuspensionReason(String label, String source) {
        this.label = label;
        this.source = source;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String source() {
        return source;
    }
}
