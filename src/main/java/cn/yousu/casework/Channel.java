package cn.yousu.casework;

/** Where a complaint came in (DESIGN §3, all seeds). */
public enum Channel {
    PORTAL("网上平台"),
    QR_CODE("扫码反映"),
    HOTLINE("营商环境热线"),
    EMAIL("电子邮件"),
    LETTER("信件/投诉信箱"),
    HOTLINE_12345("12345 热线"),
    MAYOR_MAILBOX("市长信箱"),
    PUBLIC_OPINION_WEB("民意网/人民网留言"),
    FOREIGN_INVESTMENT_HOTLINE("外商投诉热线"),
    WINDOW("“办不成事”反映窗口"),
    CADRE_LIAISON("万人助企包联干部"),
    FIELD_VISIT("走访接诉"),
    MONITORING_POINT("营商环境监测点"),
    SUPERVISOR("营商环境监督员"),
    LEADER_INSTRUCTION("领导批示交办"),
    HIGHER_LEVEL("上级交办转办");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
