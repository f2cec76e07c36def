package cn.yousu.shared;

/** One bad input field: {@code field} is the JSON path (for example {@code complainant.phone}). */
public record FieldProblem(String field, String message) {
}
