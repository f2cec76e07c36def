package cn.yousu.inspection;

/** What an inspection looks at (seed 000: 督察的重点). */
public enum InspectionTheme {
    POLICY_IMPLEMENTATION("政策落实情况"),
    ENFORCEMENT("执法监管情况"),
    SERVICE("政务服务情况"),
    INVESTMENT_ENVIRONMENT("投资环境"),
    DISCLOSURE("信息公开");

    private final String label;

    InspectionTheme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
