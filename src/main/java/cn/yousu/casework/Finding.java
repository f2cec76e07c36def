package cn.yousu.casework;

/** What the unit found (核查结论). */
public enum Finding {
    TRUE("属实"), PARTLY_TRUE("部分属实"), NOT_TRUE("不属实");

    private final String label;

    Finding(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
