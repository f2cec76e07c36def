package cn.yousu.notification;

import java.util.Map;

/**
 * The Chinese texts of the notifications: a subject and a body with {@code {name}} placeholders. Each names whom it
 * is for in {@link CaseNotifications}.
 */
public enum Template {
    RECEIPT("诉求登记回执",
            "【有诉即办】您的诉求已登记，编号 {number}，查询码 {code}。请妥善保存查询码，凭编号和查询码可随时查询办理进度。"),
    ACCEPTED("诉求已受理",
            "【有诉即办】您的诉求（编号 {number}）已受理，我们将按时限交有关单位办理。"),
    REJECTED("诉求不予受理",
            "【有诉即办】您的诉求（编号 {number}）不予受理。理由：{reasons}。说明：{explanation}"),
    ASSIGNED("新交办案件 {number}",
            "营商办已将案件 {number}「{title}」交贵单位办理，办理时限 {limit}，请于 {due} 前办结。请及时签收。"),
    EXTENSION_APPROVED("延期申请已批准 {number}",
            "案件 {number} 的办理时限延长 {days} 个工作日，新的办结时限为 {due}。"),
    /** The result and, in the same message, the request to evaluate it: one text, not two in the same second. */
    RESULT_FEEDBACK("办理结果反馈",
            "【有诉即办】您的诉求（编号 {number}）已办理完毕。办理情况：{measures}\n"
                    + "请于 {due} 前凭编号和查询码对办理结果作出评价，我们也会电话回访。"),
    /** Sent on its own until 2026-12-05, now part of {@link #RESULT_FEEDBACK}; kept for the messages stored before. */
    VISIT_REQUEST("请评价办理结果",
            "【有诉即办】您的诉求（编号 {number}）已办理完毕，请于 {due} 前凭编号和查询码对办理结果作出评价，我们也会电话回访。"),
    SUPERVISION_NOTICE("{notice}：案件 {number}",
            "{level}：案件 {number}「{title}」。{content}{reply}"),
    WARNING_YELLOW("黄色预警：案件 {number} {clock}即将到期",
            "案件 {number}「{title}」的{clock}将于 {due} 到期（剩余不足 1 个工作日），请抓紧办理。"),
    WARNING_RED("红色预警：案件 {number} {clock}已超期",
            "案件 {number}「{title}」的{clock}已于 {due} 届满，现已超期，请立即办理并说明原因。"),
    CLOSED("诉求已办结",
            "【有诉即办】您的诉求（编号 {number}）已办结。感谢您对优化营商环境工作的支持。");

    private final String subject;
    private final String body;

    Template(String subject, String body) {
        this.subject = subject;
        this.body = body;
    }

    public String subject(Map<String, ?> values) {
        return fill(subject, values);
    }

    public String body(Map<String, ?> values) {
        return fill(body, values);
    }

    static String fill(String text, Map<String, ?> values) {
        String result = text;
        for (Map.Entry<String, ?> e : values.entrySet()) {
            result = result.replace("{" + e.getKey() + "}", e.getValue() == null ? "" : String.valueOf(e.getValue()));
        }
        return result;
    }
}
