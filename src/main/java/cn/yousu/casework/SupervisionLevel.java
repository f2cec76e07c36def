package cn.yousu.casework;

/** The supervision chain (Xuchang 五(五), Zaoyang 四(六) and attachment 3). */
public enum SupervisionLevel {
    REMINDER("督促提醒"), NOTICE("督办单"), LEADER("报请领导督办");

    private final String label;

    SupervisionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
