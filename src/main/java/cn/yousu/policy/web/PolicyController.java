package cn.yousu.policy.web;

import cn.yousu.policy.Categories;
import cn.yousu.policy.Category;
import cn.yousu.policy.EscalationReason;
import cn.yousu.policy.Labelled;
import cn.yousu.policy.Policy;
import cn.yousu.policy.RejectionReason;
import cn.yousu.policy.ReviewCheck;
import cn.yousu.policy.Satisfaction;
import cn.yousu.policy.SuspensionReason;
import cn.yousu.policy.TerminationReason;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The policy in force and the seeds' vocabularies, for integrators and the pages. */
@RestController
@RequestMapping("/api/v1")
class PolicyController {

    private final Policy policy;

    PolicyController(Policy policy) {
        this.policy = policy;
    }

    @GetMapping("/policy")
    Policy policy() {
        return policy;
    }

    @GetMapping("/categories")
    List<Category> categories() {
        return Categories.all();
    }

    record Entry(String code, String label, String source) {
    }

    /** Reason codes and levels the actions accept: rejection, termination, suspension, review, satisfaction, escalation. */
    @GetMapping("/vocabularies")
    Map<String, List<Entry>> vocabularies() {
        Map<String, List<Entry>> all = new LinkedHashMap<>();
        all.put("rejectionReasons", entries(RejectionReason.values()));
        all.put("terminationReasons", entries(TerminationReason.values()));
        all.put("suspensionReasons", entries(SuspensionReason.values()));
        all.put("reviewChecks", entries(ReviewCheck.values()));
        all.put("satisfactionLevels", entries(Satisfaction.values()));
        all.put("escalationReasons", entries(EscalationReason.values()));
        return all;
    }

    private static List<Entry> entries(Labelled[] values) {
        return Arrays.stream(values).map(v -> new Entry(v.name(), v.label(), v.source())).toList();
    }
}
