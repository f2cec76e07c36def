package cn.yousu.casework;

/** What the complainant brings (DESIGN §3). */
public enum CaseKind {
    CONSULTATION("咨询"), COMPLAINT("投诉"), REPORT("举报"), HELP("求助"), SUGGESTION("建议");

    private final String label;

    CaseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
