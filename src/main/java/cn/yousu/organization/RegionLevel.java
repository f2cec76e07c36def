package cn.yousu.organization;

/** Levels of the region tree. */
public enum RegionLevel {
    PROVINCE("省"), CITY("市"), COUNTY("县（市、区）"), TOWNSHIP("乡镇（街道）");

    private final String label;

    RegionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
