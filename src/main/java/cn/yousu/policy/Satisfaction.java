package cn.yousu.policy;

/** The five satisfaction levels of a visit (Zaoyang 四(五)). */
public enum Satisfaction implements Labelled {
    VERY_SATISFIED("非常满意"),
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    DISSATISFIED("不满意"),
    VERY_DISSATISFIED("非常不满意");

    private final String label;

    Satisfaction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String source() {
        return "枣阳 四(五)";
    }

    /** Counted as satisfied in the satisfaction rate (DESIGN §8), whatever the policy closes on. */
    public boolean satisfied() {
        return this == VERY_SATISFIED || this == SATISFIED || this == BASICALLY_SATISFIED;
    }
}
