package cn.yousu.casework;

/** How hard a case is; decides the handling time limit (Zaoyang 四(三)). */
public enum Complexity {
    SIMPLE("简单"), GENERAL("一般"), COMPLEX("疑难复杂");

    private final String label;

    Complexity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
