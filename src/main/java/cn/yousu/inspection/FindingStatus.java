package cn.yousu.inspection;

/** A finding's rectification: the unit rectifies and reports, the office verifies (or sends it back). */
public enum FindingStatus {
    RECTIFYING("整改中"), REPORTED("已报送整改情况，待核验"), VERIFIED("已核验销号");

    private final String label;

    FindingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
