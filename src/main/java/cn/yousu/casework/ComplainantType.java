package cn.yousu.casework;

/** Who complains. */
public enum ComplainantType {
    ENTERPRISE("企业"), INDIVIDUAL_BUSINESS("个体工商户"), PERSON("个人"), ORGANIZATION("社会组织");

    private final String label;

    ComplainantType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
