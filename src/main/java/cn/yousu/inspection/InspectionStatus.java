package cn.yousu.inspection;

/** An inspection is under way until its results are published; follow-up of findings continues after. */
public enum InspectionStatus {
    UNDERWAY("督察中"), PUBLISHED("结果已公布");

    private final String label;

    InspectionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
