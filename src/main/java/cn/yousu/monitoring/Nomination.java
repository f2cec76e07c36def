package cn.yousu.monitoring;

/** How a candidate came forward (seed 004: 社会各界推荐或自荐). */
public enum Nomination {
    RECOMMENDED("组织推荐"), SELF("自荐");

    private final String label;

    Nomination(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
