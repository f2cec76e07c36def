package cn.yousu.supervision;

/** The clocks of a case that the watch follows (DESIGN §4, §7). */
public enum WatchedClock {
    ACCEPTANCE("受理时限"),
    BRIEF_REPLY("初步答复时限"),
    HANDLING("办理时限"),
    VISIT("回访时限"),
    SUPERVISION_REPLY("督办反馈时限");

    private final String label;

    WatchedClock(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stored key: the clock, and for a supervision notice its id ({@code SUPERVISION_REPLY-2}). */
    String key(Long supervisionId) {
        return supervisionId == null ? name() : name() + "-" + supervisionId;
    }

    static WatchedClock ofKey(String key) {
        int dash = key.indexOf('-');
        return valueOf(dash < 0 ? key : key.substring(0, dash));
    }

    static Long supervisionId(String key) {
        int dash = key.indexOf('-');
        return dash < 0 ? null : Long.valueOf(key.substring(dash + 1));
    }
}
