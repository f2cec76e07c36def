package cn.yousu.casework;

import java.util.Locale;
import java.util.regex.Pattern;

/** Normalised keys that find the same complainant and respondent again (duplicate screening). */
public final class CaseKeys {

    // compiled once: String.replaceAll compiles its pattern on every registration
    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");
    private static final Pattern IGNORED = Pattern.compile("[\\s\\p{Punct}（）《》“”、，。：；]");

    private CaseKeys() {
    }

    /** The credit code when given, else the phone, else the name; null for an anonymous complainant without any. */
    public static String complainant(Complainant c) {
        if (c == null) {
            return null;
        }
        if (c.creditCode() != null && !c.creditCode().isBlank()) {
            return "CC:" + c.creditCode().trim().toUpperCase(Locale.ROOT);
        }
        if (c.phone() != null && !c.phone().isBlank()) {
            return "PH:" + NOT_DIGIT.matcher(c.phone()).replaceAll("");
        }
        String name = c.companyName() != null && !c.companyName().isBlank() ? c.companyName() : c.name();
        return name == null || name.isBlank() ? null : "NM:" + normalise(name);
    }

    /** The unit code when known, else the normalised name. */
    public static String respondent(Respondent r) {
        if (r == null) {
            return null;
        }
        if (r.unitCode() != null && !r.unitCode().isBlank()) {
            return "U:" + r.unitCode();
        }
        return r.name() == null || r.name().isBlank() ? null : "N:" + normalise(r.name());
    }

    static String normalise(String s) {
        return IGNORED.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
