package cn.yousu.policy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a bad policy as a short list of keys and what is wrong with each, instead of a stack trace. */
class PolicyFailureAnalyzer extends AbstractFailureAnalyzer<PolicyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PolicyException cause) {
        StringBuilder description = new StringBuilder("The policy " + cause.origin() + " is invalid (政策配置有误):\n");
        cause.problems().forEach(p -> description.append("  - ").append(p).append('\n'));
        return new FailureAnalysis(description.toString(),
                "Correct the keys named above, or choose a preset with yousu.policy.preset "
                        + "(zaoyang, dalian, xuchang, huanren, yueyang).", cause);
    }
}
