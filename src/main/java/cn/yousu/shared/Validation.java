package cn.yousu.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects field problems while a request is checked, then throws them all at once so that
 * the caller sees every bad field in one answer.
 */
public final class Validation {

    private final List<FieldProblem> problems = new ArrayList<>();

    public static Validation start() {
        return new Validation();
    }

    public Validation add(String field, String message) {
        problems.add(new FieldProblem(field, message));
        return this;
    }

    public Validation addAll(Collection<FieldProblem> more) {
        problems.addAll(more);
        return this;
    }

    /** Records {@code message} for {@code field} when {@code bad} holds. */
    public Validation check(boolean bad, String field, String message) {
        if (bad) {
            add(field, message);
        }
        return this;
    }

    public Validation required(Object value, String field, String label) {
        boolean missing = value == null || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty());
        return check(missing, field, label + "不能为空");
    }

    public Validation maxLength(String value, int max, String field, String label) {
        return check(value != null && value.length() > max, field, label + "不能超过 " + max + " 个字");
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public boolean has(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    public List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }
}
