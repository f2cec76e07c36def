package cn.yousu.policy;

/** The reviewer's checklist for a unit's result (审核把关), Dalian art. 9(7). */
public enum ReviewCheck implements Labelled {
    FACTS_CLEAR("调查情况清楚明了"),
    LAW_APPLIED("政策法规适用得当"),
    MEASURES_CONCRETE("解决问题措施明确有力"),
    PROBLEM_SOLVED("问题妥善解决"),
    RESULT_FAIR("落实结果客观公正"),
    CONCLUSION_MET_PARTIES("结论意见与当事人见面"),
    SIGNED_BY_HEAD("报告经主要领导审定签发"),
    FORMAT_CORRECT("行文规范");

    private final String label;

    ReviewCheck(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String source() {
        return "大连 第九条(七)";
    }
}
