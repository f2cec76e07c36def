package cn.yousu.reporting;

import cn.yousu.organization.Organization;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.policy.Categories;
import cn.yousu.policy.Category;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hot topics (解决一件事, 破解一类事; Dalian art. 6(8)): the categories, respondents and words that recur most among
 * the cases registered in a period, each with the link to the cases behind it. Words are the scope taxonomy's
 * keywords and the units' duty words, counted in the titles and facts of the period's most recent
 * {@value #WORD_SAMPLE} cases.
 */
@Service
public class HotTopics {

    static final int WORD_SAMPLE = 2000;
    static final int TOP = 8;

    private final Indicators indicators;
    private final OrganizationDirectory directory;
    private final JdbcClient jdbc;

    HotTopics(Indicators indicators, OrganizationDirectory directory, JdbcClient jdbc) {
        this.indicators = indicators;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    public record Topic(String label, long cases, String casesUrl) {
    }

    public record Topics(List<Topic> categories, List<Topic> respondents, List<Topic> words) {
    }

    @Transactional(readOnly = true)
    public Topics of(Statistics.Checked c) {
        String base = Statistics.casesUrl(c.regionCode(), c.unitCode(), c.categoryCode(), c.channel(), c.from(), c.to());
        List<Topic> categories = new ArrayList<>();
        top(indicators.breakdown(c.scope(), Indicators.Dimension.CATEGORY)).forEach((code, n) -> categories.add(
                new Topic(Categories.name(code), n, base + "&categoryCode=" + enc(code))));
        List<Topic> respondents = new ArrayList<>();
        top(indicators.breakdown(c.scope(), Indicators.Dimension.RESPONDENT)).forEach((who, n) -> respondents.add(
                new Topic(directory.organization(who).map(Organization::name).orElse(who), n,
                        base + "&measure=" + enc(IndicatorMeasures.respondent(who)))));
        return new Topics(categories, respondents, words(c, base));
    }

    /** The groups with the most cases registered in the period (at least 2: a topic recurs), most first. */
    private static Map<String, Long> top(Map<String, Indicators.Counts> groups) {
        Map<String, Long> out = new LinkedHashMap<>();
        groups.entrySet().stream().filter(e -> !e.getKey().isEmpty() && e.getValue().registered() >= 2)
                .sorted(Comparator.comparing((Map.Entry<String, Indicators.Counts> e) -> e.getValue().registered())
                        .reversed().thenComparing(Map.Entry::getKey))
                .limit(TOP).forEach(e -> out.put(e.getKey(), e.getValue().registered()));
        return out;
    }

    private List<Topic> words(Statistics.Checked c, String base) {
        Indicators.Sql sql = new Indicators.Sql();
        sql.add("SELECT f.title, f.facts FROM case_file f JOIN report_case r ON r.case_id = f.id WHERE ");
        sql.add("r.registered_at >= ? AND r.registered_at < ? AND ");
        sql.param(Indicators.ts(indicators.start(c.scope())));
        sql.param(Indicators.ts(indicators.end(c.scope())));
        indicators.dimensions(sql, c.scope(), "r");
        sql.add(" ORDER BY r.case_id DESC FETCH FIRST " + WORD_SAMPLE + " ROWS ONLY");
        List<String> texts = jdbc.sql(sql.text()).params(sql.params())
                .query((rs, n) -> rs.getString("title") + "\n" + rs.getString("facts")).list();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String word : vocabulary()) {
            long n = texts.stream().filter(t -> t.contains(word)).count();
            if (n >= 2) {
                counts.put(word, n);
            }
        }
        List<Topic> words = new ArrayList<>();
        counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue()).reversed()
                        .thenComparing(e -> -e.getKey().length()).thenComparing(Map.Entry::getKey))
                // a word inside a longer one of the same cases says nothing more (执照 in 营业执照)
                .filter(e -> words.stream().noneMatch(w -> w.label().contains(e.getKey()) && w.cases() >= e.getValue()))
                .forEachOrdered(e -> {
                    if (words.size() < TOP) {
                        words.add(new Topic(e.getKey(), e.getValue(), base + "&q=" + enc(e.getKey())));
                    }
                });
        return words;
    }

    /** The taxonomy's keywords and the units' duty words, longest first so that a phrase is preferred. */
    private Set<String> vocabulary() {
        List<String> all = new ArrayList<>();
        for (Category k : Categories.all()) {
            all.addAll(k.keywords());
        }
        for (Organization o : directory.organizations()) {
            if (o.duties() != null) {
                Collections.addAll(all, o.duties().split("\\s+"));
            }
        }
        all.removeIf(w -> w.length() < 2);
        all.sort(Comparator.comparing(String::length).reversed());
        return new LinkedHashSet<>(all);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
