package cn.yousu.shared.web;

import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of one submitted form, for the page to show each message next to its field: the fields are named
 * as in the API ({@code complainant.phone}, {@code feedback.at}); {@code cooperatingUnitCodes[1]} belongs to the
 * field {@code cooperatingUnitCodes}. Problems that name no field of the form are shown above it.
 */
public final class FieldErrors {

    private static final FieldErrors NONE = new FieldErrors(Map.of(), List.of(), List.of());

    private final Map<String, List<String>> byField;
    private final List<String> general;
    private final List<FieldProblem> problems;

    private FieldErrors(Map<String, List<String>> byField, List<String> general, List<FieldProblem> problems) {
        this.byField = byField;
        this.general = general;
        this.problems = problems;
    }

    public static FieldErrors none() {
        return NONE;
    }

    /** The problems of a refusal: 400 names fields; 403, 404, 409, 413 and 429 give one message for the form. */
    public static FieldErrors of(ApiProblem problem) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        if (problem.errors().isEmpty()) {
            general.add(problem.getMessage());
        }
        for (FieldProblem p : problem.errors()) {
            if (p.field() == null || p.field().isBlank() || "body".equals(p.field())) {
                general.add(p.message());
            } else {
                fields.computeIfAbsent(base(p.field()), f -> new ArrayList<>()).add(p.message());
            }
        }
        return new FieldErrors(fields, general, problem.errors());
    }

    /** A single message for the whole form. */
    public static FieldErrors general(String message) {
        return new FieldErrors(Map.of(), List.of(message), List.of());
    }

    /** Keeps the problems of {@code fields} only, moving none to the general list (a step of a longer form). */
    public FieldErrors only(java.util.Collection<String> fields) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        byField.forEach((f, m) -> {
            if (fields.contains(f)) {
                kept.put(f, m);
            }
        });
        return new FieldErrors(kept, List.of(), problems);
    }

    public boolean isEmpty() {
        return byField.isEmpty() && general.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The messages of {@code field}, joined for display; empty when it is fine. */
    public String of(String field) {
        List<String> messages = byField.get(field);
        return messages == null ? "" : String.join("；", messages);
    }

    public Map<String, List<String>> fields() {
        return byField;
    }

    /** Messages for the form as a whole, and for fields the form does not show. */
    public List<String> general() {
        return general;
    }

    /** Adds to the general list every field problem whose field is not among {@code shown}. */
    public FieldErrors withUnshownAsGeneral(java.util.Collection<String> shown) {
        List<String> all = new ArrayList<>(general);
        Map<String, List<String>> kept = new LinkedHashMap<>();
        byField.forEach((f, m) -> {
            if (shown.contains(f)) {
                kept.put(f, m);
            } else {
                all.addAll(m);
            }
        });
        return new FieldErrors(kept, all, problems);
    }

    /** Every field problem with its exact field ({@code days[3].date}), for forms that show them as a list. */
    public List<FieldProblem> problems() {
        return problems;
    }

    /** {@code cooperatingUnitCodes[1]} → {@code cooperatingUnitCodes}; {@code days[3].date} → {@code days}. */
    static String base(String field) {
        int bracket = field.indexOf('[');
        return bracket < 0 ? field : field.substring(0, bracket);
    }

    /** An HTML id for the message of {@code field}: {@code err-complainant-phone}. */
    public static String id(String prefix, String field) {
        return prefix + "-" + field.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
