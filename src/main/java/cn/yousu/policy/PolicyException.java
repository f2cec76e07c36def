package cn.yousu.policy;

import java.util.List;

/** A policy file that cannot be used; every problem names its key. Start-up stops on it. */
public class PolicyException extends RuntimeException {

    private final String origin;
    private final List<String> problems;

    public PolicyException(String origin, List<String> problems) {
        super("Invalid policy " + origin + ": " + String.join("; ", problems));
        this.origin = origin;
        this.problems = List.copyOf(problems);
    }

    public String origin() {
        return origin;
    }

    public List<String> problems() {
        return problems;
    }
}
