package cn.yousu.exposure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what identifies people and enterprises from a text: the terms given (names from the case, whatever the
 * office marks), and by pattern identity-card numbers, unified social credit codes, mobile and landline numbers and
 * e-mail addresses. {@link #residue} lists what would still identify someone.
 */
public final class Anonymiser {

    public static final String MASK = "××";
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])"), "［身份证号已隐去］", "身份证号"),
            new Rule(Pattern.compile("(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])"),
                    "［统一社会信用代码已隐去］", "统一社会信用代码"),
            new Rule(Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)"), "［电话已隐去］", "手机号码"),
            new Rule(Pattern.compile("(?<!\\d)0\\d{2,3}-?\\d{7,8}(?!\\d)"), "［电话已隐去］", "固定电话"),
            new Rule(Pattern.compile("[^@\\s，。；：、（）()]+@[^@\\s，。；：、（）()]+\\.[A-Za-z]{2,}"), "［邮箱已隐去］",
                    "电子邮箱"));

    private record Rule(Pattern pattern, String replacement, String name) {
    }

    private Anonymiser() {
    }

    /** {@code text} with every term and every pattern replaced; longer terms first, so "张三丰" is not left as "××丰". */
    public static String anonymise(String text, Collection<String> terms) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String term : ordered(terms)) {
            out = out.replace(term, MASK);
        }
        for (Rule rule : RULES) {
            out = rule.pattern().matcher(out).replaceAll(Matcher.quoteReplacement(rule.replacement()));
        }
        return out;
    }

    /** What in {@code text} would still identify someone: each term found, each pattern matched (by its name). */
    public static List<String> residue(String text, Collection<String> terms) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        for (String term : ordered(terms)) {
            if (text.contains(term)) {
                found.add("「" + term + "」");
            }
        }
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(text).find()) {
                found.add(rule.name());
            }
        }
        return found;
    }

    private static List<String> ordered(Collection<String> terms) {
        Set<String> unique = new LinkedHashSet<>();
        if (terms != null) {
            terms.stream().filter(t -> t != null && t.trim().length() >= 2).map(String::trim).forEach(unique::add);
        }
        return unique.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
}
