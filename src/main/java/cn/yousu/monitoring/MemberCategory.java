package cn.yousu.monitoring;

/** Where a monitoring point is set up, or whom a supervisor represents (seed 004 三(一)1 and 三(二)2). */
public enum MemberCategory {
    PARK_ENTERPRISE(MemberKind.POINT, "园区重点企业、乡镇属地企业"),
    INDIVIDUAL_BUSINESS(MemberKind.POINT, "个体工商户"),
    SERVICE_HALL(MemberKind.POINT, "政务服务场所、便民中心"),
    CHAMBER(MemberKind.POINT, "行业商会协会"),
    THIRD_PARTY(MemberKind.POINT, "第三方机构"),
    ENTERPRISE_REPRESENTATIVE(MemberKind.SUPERVISOR, "企业代表"),
    CHAMBER_REPRESENTATIVE(MemberKind.SUPERVISOR, "行业协会商会代表"),
    INDIVIDUAL_BUSINESS_REPRESENTATIVE(MemberKind.SUPERVISOR, "个体工商户代表"),
    DEPUTY(MemberKind.SUPERVISOR, "监督代表（党代表、人大代表、政协委员）"),
    SOCIETY_REPRESENTATIVE(MemberKind.SUPERVISOR, "社会代表（专家学者、知名人士）");

    private final MemberKind kind;
    private final String label;

    MemberCategory(MemberKind kind, String label) {
        this.kind = kind;
        this.label = label;
    }

    public MemberKind kind() {
        return kind;
    }

    public String label() {
        return label;
    }
}
