package cn.yousu.policy;

/** Why handling ends early (投诉处理终结), Dalian art. 16. */
public enum TerminationReason implements Labelled {
    RESOLVED("投诉事项已处理完毕", "大连 第十六条(一)"),
    WITHDRAWN("投诉人申请撤回投诉", "大连 第十六条(二)"),
    LITIGATION_OR_ARBITRATION("当事人已申请仲裁、提起诉讼或申请行政复议", "大连 第十六条(三)"),
    FACTS_UNTRUE("经核实，投诉事项与事实不符", "大连 第十六条(四)"),
    NO_COOPERATION("投诉人不予配合，拒绝提供真实情况", "大连 第十六条(五)"),
    OTHER("法律、法规规定的其他情形", "大连 第十六条(六)");

    private final String label;
    private final String source;

    TerminationReason(String label, String source) {
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
