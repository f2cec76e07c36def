package cn.yousu.monitoring;

import cn.yousu.casework.Channel;

/** A monitoring point (an enterprise, a service hall, a chamber…) or a citizen supervisor (a person). */
public enum MemberKind {
    POINT("营商环境监测点", "牌匾编号", "JCD", Channel.MONITORING_POINT),
    SUPERVISOR("营商环境监督员", "证书编号", "JDY", Channel.SUPERVISOR);

    private final String label;
    private final String numberLabel;
    private final String numberPrefix;
    private final Channel channel;

    MemberKind(String label, String numberLabel, String numberPrefix, Channel channel) {
        this.label = label;
        this.numberLabel = numberLabel;
        this.numberPrefix = numberPrefix;
        this.channel = channel;
    }

    public String label() {
        return label;
    }

    /** What the number issued on approval is: the supervisor's certificate or the point's plaque. */
    public String numberLabel() {
        return numberLabel;
    }

    String numberPrefix() {
        return numberPrefix;
    }

    /** The channel of the cases their reports become. */
    public Channel channel() {
        return channel;
    }
}
