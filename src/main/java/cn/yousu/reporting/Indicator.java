package cn.yousu.reporting;

/**
 * The indicators of DESIGN §8 with their exact definitions, which the pages show next to each number. A rate is
 * numerator ÷ denominator over the cases of its {@link Anchor} in the period; a count is the numerator alone. The
 * conditions are SQL over an alias {@code x} ({@code report_case} or {@code case_file}); the satisfaction rate counts
 * visits ({@code report_visit}), not cases.
 */
public enum Indicator {
    RESPONSE_RATE("responseRate", "响应率", true, false, Anchor.REGISTERED,
            "x.decided_at IS NOT NULL AND x.decided_at <= x.acceptance_due_at",
            "在受理时限内作出受理或不予受理决定（含转其他渠道、咨询即时答复）的诉求",
            "响应率 = 在受理时限内作出受理或不予受理决定的诉求 ÷ 期间登记的诉求"),
    ON_TIME_RATE("onTimeRate", "按期办结率", true, false, Anchor.DUE,
            "x.result_submitted_at <= x.due_at",
            "在办理时限内提交办理结果的诉求",
            "按期办结率 = 在时限内提交办理结果的诉求 ÷ 期间到期应提交结果的诉求（办理时限落在期间内且已到期或已提交结果）"),
    COMPLETION_RATE("completionRate", "办结率", true, false, Anchor.ACCEPTED,
            "x.status = 'CLOSED'",
            "已办结（销号）的诉求",
            "办结率 = 已办结的诉求 ÷ 期间受理的诉求"),
    RESOLUTION_RATE("resolutionRate", "化解率", true, false, Anchor.CLOSED,
            "x.satisfaction IN ('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED')",
            "以满意回访（非常满意、满意、基本满意）办结的诉求",
            "化解率 = 以满意回访办结的诉求 ÷ 期间办结的诉求"),
    SATISFACTION_RATE("satisfactionRate", "满意率", true, false, Anchor.VISIT,
            "v.satisfied = TRUE",
            "评价为非常满意、满意、基本满意的回访",
            "满意率 = （非常满意 + 满意 + 基本满意）的回访 ÷ 期间有评价结果的回访"),
    REDO_RATE("redoRate", "退回重办率", true, true, Anchor.ACCEPTED,
            "x.redo_count > 0",
            "审核时被退回重办过的诉求",
            "退回重办率 = 被退回重办过的诉求 ÷ 期间受理的诉求"),
    EXTENSION_RATE("extensionRate", "延期率", true, true, Anchor.ACCEPTED,
            "x.extension_count > 0",
            "经批准延期过的诉求",
            "延期率 = 经批准延期过的诉求 ÷ 期间受理的诉求"),
    OVERDUE_COUNT("overdueCount", "逾期件数", false, true, Anchor.DUE,
            "(x.result_submitted_at IS NULL OR x.result_submitted_at > x.due_at)",
            "办理时限在期间内、未在时限内提交办理结果的诉求",
            "逾期件数 = 期间到期应提交结果、但未在时限内提交的诉求件数"),
    SUPERVISION_COUNT("supervisionCount", "督办件数", false, true, Anchor.REGISTERED,
            "x.supervision_count > 0",
            "期间登记、被督办（提醒、督办单或报告领导）过的诉求",
            "督办件数 = 期间登记的诉求中被督办过的件数"),
    REFERRAL_COUNT("referralCount", "移送件数", false, true, Anchor.REGISTERED,
            "x.referral_count > 0",
            "期间登记、移送纪委监委的诉求",
            "移送件数 = 期间登记的诉求中移送纪检监察机关的件数");

    private final String key;
    private final String label;
    private final boolean rate;
    private final boolean lowerIsBetter;
    private final Anchor anchor;
    private final String numerator;
    private final String numeratorLabel;
    private final String definition;

    Indicator(String key, String label, boolean rate, boolean lowerIsBetter, Anchor anchor, String numerator,
            String numeratorLabel, String definition) {
        this.key = key;
        this.label = label;
        this.rate = rate;
        this.lowerIsBetter = lowerIsBetter;
        this.anchor = anchor;
        this.numerator = numerator;
        this.numeratorLabel = numeratorLabel;
        this.definition = definition;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public boolean rate() {
        return rate;
    }

    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    public Anchor anchor() {
        return anchor;
    }

    /** The numerator's condition over {@code alias} (besides the anchor's). */
    String numerator(String alias) {
        return numerator.replace("x.", alias + ".");
    }

    public String numeratorLabel() {
        return numeratorLabel;
    }

    public String definition() {
        return definition;
    }

    public static Indicator byKey(String key) {
        for (Indicator i : values()) {
            if (i.key.equals(key)) {
                return i;
            }
        }
        return null;
    }
}
