package cn.yousu.organization;

/** What an organisation is. */
public enum OrganizationKind {
    /** The region's business-environment office (营商办): intake, dispatch, review, visits, supervision. */
    OFFICE("营商办"),
    /** A government unit (承办单位) that handles complaints assigned to it. */
    UNIT("承办单位"),
    /** The people's government of a region: leaders who read dashboards and give instructions. */
    GOVERNMENT("人民政府"),
    /**
     * The monitoring points and citizen supervisors of a region (社会监督, DESIGN §9): they sign in to report, but
     * see no cases other than their own reports.
     */
    SOCIETY("社会监督"),
    /** The system administrators. */
    SYSTEM("系统管理");

    private final String label;

    OrganizationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
