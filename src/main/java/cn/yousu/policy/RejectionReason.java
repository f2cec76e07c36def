package cn.yousu.policy;

/** Why a complaint is not accepted (不予受理): the union of Zaoyang 三(二), Xuchang 三 and Dalian art. 8. */
public enum RejectionReason implements Labelled {
    CIVIL_DISPUTE("属于经营主体之间或与其他组织、个人之间的民事纠纷", "枣阳 三(二)1；许昌 三(三)"),
    STATE_SECRET("涉及国家秘密", "枣阳 三(二)2"),
    LEGAL_PROCEEDINGS("已经或应当通过诉讼、仲裁、行政复议、政府信息公开等法定途径解决", "枣阳 三(二)3；许昌 三(一)；大连 第八条(一)"),
    DISCIPLINE_INSPECTION("已进入或应当由纪检监察程序办理", "枣阳 三(二)4；大连 第八条(二)"),
    OTHER_CHANNEL("已进入信访等其他渠道办理", "许昌 三(二)"),
    DUPLICATE("同一诉求已受理、办理中或已办结，诉求人无新证据、线索", "枣阳 三(二)5"),
    UNLAWFUL("违反法律法规、社会公序良俗", "枣阳 三(二)6"),
    OUT_OF_SCOPE("不属于营商环境监督职责范围", "枣阳 三(二)7；许昌 三(六)；大连 第八条(五)"),
    OTHER_LEGAL_PROCEDURE("应通过其他法定程序处理的投诉举报", "枣阳 三(二)8"),
    NO_RESPONDENT("没有明确的被投诉人，或被投诉人无法查找", "许昌 三(四)；大连 第七条(一)"),
    NO_FACTS("没有具体的违法事实，或线索不清晰", "许昌 三(五)；大连 第七条(二)"),
    ANONYMOUS("匿名投诉", "大连 第八条(三)"),
    PETITION_DECIDED("市级信访部门已受理，或多年信访、已有定论", "大连 第八条(四)"),
    OTHER("法律法规规定的其他不予受理情形", "枣阳 三(二)9；大连 第八条(六)");

    private final String label;
    private final String source;

    RejectionReason(String label, String source) {
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
