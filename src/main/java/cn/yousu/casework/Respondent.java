package cn.yousu.casework;

/** Whom the complaint is about: a known unit by code, or a name in free text; a person optionally. */
public record Respondent(String unitCode, String name, String person) {
}
