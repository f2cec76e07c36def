package cn.yousu.policy.web;

import cn.yousu.calendar.TimeLimit;
import cn.yousu.policy.Labelled;
import cn.yousu.policy.Policy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The policy in force, read-only: every setting of {@link Policy}, found by walking the record so that a new key
 * shows up here without a change, with its Chinese name where one is known.
 */
@Controller
class PolicyPage {

    private final Policy policy;

    PolicyPage(Policy policy) {
        this.policy = policy;
    }

    record Setting(String key, String label, String value, int depth) {
    }

    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("preset", "预设"), Map.entry("name", "名称"), Map.entry("source", "依据"),
            Map.entry("timeLimits", "办理时限"), Map.entry("simple", "简单"), Map.entry("general", "一般"),
            Map.entry("complex", "疑难复杂"), Map.entry("acceptanceLimit", "受理时限"),
            Map.entry("briefReplyLimit", "初步答复时限"), Map.entry("completionAfterAgreement", "达成一致后办结时限"),
            Map.entry("extension", "延期"), Map.entry("maxFactor", "延期上限（原时限的倍数）"),
            Map.entry("mustRequestBeforeDeadline", "须在时限届满前申请"), Map.entry("notifyComplainant", "告知诉求人"),
            Map.entry("supervisionReplyLimit", "督办单反馈时限"), Map.entry("visitLimit", "回访时限"),
            Map.entry("anonymousAccepted", "受理匿名投诉"), Map.entry("rehandleRequiresNewEvidence", "二次办理须有新证据"),
            Map.entry("maxRounds", "最多办理轮次"), Map.entry("closingSatisfaction", "闭环的满意度"),
            Map.entry("visitAfterInstantAnswer", "即时答复后回访"), Map.entry("followUpSampleRate", "回头看抽查比例"),
            Map.entry("warnings", "预警"), Map.entry("yellowWorkingDaysLeft", "黄色预警（剩余工作日）"),
            Map.entry("caseNumberFormat", "诉求编号格式"), Map.entry("duplicateWindowDays", "查重时间窗口（天）"),
            Map.entry("revealComplainantToUnits", "承办单位可见诉求人"), Map.entry("rankingWeights", "排名权重"),
            Map.entry("monitoring", "监测点和监督员"), Map.entry("maxAge", "年龄上限"), Map.entry("termYears", "任期（年）"),
            Map.entry("problemsPerQuarter", "每季度至少反映问题"), Map.entry("suggestionsPerYear", "每年至少提出建议"),
            Map.entry("silentMonthsBeforeExit", "无反映退出（月）"), Map.entry("absencesBeforeExit", "缺席退出（次）"));

    @GetMapping("/admin/policy")
    String page(Model model) {
        List<Setting> settings = new ArrayList<>();
        walk(policy, "", 0, settings);
        model.addAttribute("policy", policy);
        model.addAttribute("settings", settings);
        return "policy/policy";
    }

    private static void walk(Record record, String prefix, int depth, List<Setting> out) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String key = prefix + c.getName();
            String label = LABELS.getOrDefault(c.getName(), c.getName());
            if (value instanceof Record nested && !(value instanceof TimeLimit)) {
                out.add(new Setting(key, label, "", depth));
                walk(nested, key + ".", depth + 1, out);
            } else {
                out.add(new Setting(key, label, text(value), depth));
            }
        }
    }

    static String text(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (value instanceof Labelled l) {
            return l.label();
        }
        if (value instanceof TimeLimit t) {
            return t.label();
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(PolicyPage::text).collect(Collectors.joining("、"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> LABELS.getOrDefault(String.valueOf(e.getKey()),
                    String.valueOf(e.getKey())) + " " + text(e.getValue())).collect(Collectors.joining("；"));
        }
        return String.valueOf(value);
    }
}
