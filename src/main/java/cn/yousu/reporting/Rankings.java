package cn.yousu.reporting;

import cn.yousu.identity.Actor;
import cn.yousu.organization.Organization;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.organization.Region;
import cn.yousu.policy.Policy;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The monthly county ranking (Xuchang 六(三)) and the unit evaluation (Zaoyang 五(二)): a score from 0 to 100, the
 * policy's weighted mean of the indicators (a rate where lower is better counts as 1 − rate).
 * <ul>
 * <li>An indicator without a denominator this month (nothing to count) is left out and its weight shared among the
 * others in proportion to theirs, so a county is not punished or rewarded for what did not happen.</li>
 * <li>A county or unit with no case in any indicator of the month, or with none of the weighted indicators, is not
 * ranked: it is listed after the ranked ones with the reason.</li>
 * <li>Scores are compared rounded to two decimals; equal scores share a rank and the next rank is skipped
 * (1, 1, 3); within a tie the order is by code.</li>
 * </ul>
 */
@Service
public class Rankings {

    public static final String RULES = "综合得分 = 各指标得分按政策权重的加权平均（0–100 分；退回重办率、延期率按“1 − 比率”计分）。"
            + "本月无可计数据的指标不计分，其权重按比例分给其余指标；本月没有任何诉求、或没有可计分指标的县区和单位不参与排名，列于表末并注明；"
            + "得分（保留两位小数）相同者名次并列，其后名次顺延（如 1、1、3），并列者按代码排序。";

    private final Indicators indicators;
    private final Statistics statistics;
    private final OrganizationDirectory directory;
    private final Policy policy;

    Rankings(Indicators indicators, Statistics statistics, OrganizationDirectory directory, Policy policy) {
        this.indicators = indicators;
        this.statistics = statistics;
        this.directory = directory;
        this.policy = policy;
    }

    /** One ranked (rank ≥ 1) or unranked (rank 0, with a note) county or unit with the figures behind its score. */
    public record Entry(int rank, String code, String name, Double score, String display, long registered,
            List<Statistics.Figure> figures, String note) {
    }

    public record Ranking(String kind, String title, YearMonth month, String regionCode, String regionName,
            Map<String, Double> weights, List<String> indicatorLabels, List<Entry> entries, String rules) {
    }

    /** The counties (child regions) of the region, ranked for the month. */
    public Ranking counties(Actor actor, String regionCode, YearMonth month) {
        Statistics.Checked c = check(actor, regionCode, month);
        Region top = directory.region(c.regionCode()).orElseThrow();
        Map<String, Indicators.Counts> byRegion = indicators.breakdown(c.scope(), Indicators.Dimension.REGION);
        List<Scored> scored = new ArrayList<>();
        for (Region child : directory.children(top.code())) {
            Indicators.Counts sum = Indicators.Counts.empty();
            byRegion.forEach((code, counts) -> {
                if (child.contains(directory.region(code).orElse(null))) {
                    add(sum, counts);
                }
            });
            scored.add(new Scored(child.code(), child.name(), sum, child.code(), null));
        }
        return ranking("county", top.name() + month.getYear() + "年" + month.getMonthValue() + "月县域营商环境投诉办理排名",
                c, month, scored);
    }

    /** The units of the region and below, evaluated for the month by the cases they lead. */
    public Ranking units(Actor actor, String regionCode, YearMonth month) {
        Statistics.Checked c = check(actor, regionCode, month);
        Map<String, Indicators.Counts> byUnit = indicators.breakdown(c.scope(), Indicators.Dimension.UNIT);
        Map<String, String> units = new LinkedHashMap<>();
        for (Organization o : directory.unitsWithin(c.regionCode())) {
            units.put(o.code(), o.name());
        }
        byUnit.keySet().stream().filter(k -> !k.isEmpty() && !units.containsKey(k))
                .forEach(k -> units.put(k, directory.organizationName(k)));
        List<Scored> scored = new ArrayList<>();
        units.forEach((code, name) -> scored.add(new Scored(code, name,
                byUnit.getOrDefault(code, Indicators.Counts.empty()), c.regionCode(), code)));
        return ranking("unit", c.regionName() + month.getYear() + "年" + month.getMonthValue() + "月承办单位综合评价",
                c, month, scored);
    }

    private record Scored(String code, String name, Indicators.Counts counts, String regionCode, String unitCode) {
    }

    private Statistics.Checked check(Actor actor, String regionCode, YearMonth month) {
        if (actor.inUnit()) {
            throw cn.yousu.shared.ApiProblem.forbidden("排名和评价只对营商办和政府领导开放");
        }
        return statistics.check(actor, new Statistics.Query(regionCode, null, null, null, month.atDay(1).toString(),
                month.atEndOfMonth().toString()));
    }

    private Ranking ranking(String kind, String title, Statistics.Checked c, YearMonth month, List<Scored> scored) {
        Map<Indicator, Double> weights = weights();
        List<Entry> ranked = new ArrayList<>();
        List<Entry> unranked = new ArrayList<>();
        for (Scored s : scored) {
            List<Statistics.Figure> figures = new ArrayList<>();
            double sum = 0;
            double weight = 0;
            for (Map.Entry<Indicator, Double> w : weights.entrySet()) {
                Indicator i = w.getKey();
                figures.add(statistics.figure(i, s.counts(), c, s.regionCode(), s.unitCode(), null, null));
                Double v = s.counts().value(i);
                if (v != null) {
                    sum += w.getValue() * (i.lowerIsBetter() ? 1 - v : v);
                    weight += w.getValue();
                }
            }
            long registered = s.counts().registered();
            if (s.counts().isEmpty()) {
                unranked.add(new Entry(0, s.code(), s.name(), null, "—", registered, figures, "本月无诉求，不参与排名"));
            } else if (weight == 0) {
                unranked.add(new Entry(0, s.code(), s.name(), null, "—", registered, figures,
                        "本月没有可计分的指标，不参与排名"));
            } else {
                double score = Math.round(sum / weight * 100 * 100) / 100.0;
                ranked.add(new Entry(0, s.code(), s.name(), score, String.format("%.2f", score), registered, figures,
                        null));
            }
        }
        ranked.sort(Comparator.comparing(Entry::score).reversed().thenComparing(Entry::code));
        int[] ranks = new int[ranked.size()];
        for (int k = 0; k < ranks.length; k++) {
            ranks[k] = k > 0 && ranked.get(k - 1).score().equals(ranked.get(k).score()) ? ranks[k - 1] : k + 1;
        }
        List<Entry> entries = new ArrayList<>();
        for (int k = 0; k < ranks.length; k++) {
            Entry e = ranked.get(k);
            boolean tie = k > 0 && ranks[k - 1] == ranks[k] || k + 1 < ranks.length && ranks[k + 1] == ranks[k];
            entries.add(new Entry(ranks[k], e.code(), e.name(), e.score(), e.display(), e.registered(), e.figures(),
                    tie ? "并列第 " + ranks[k] + " 名" : null));
        }
        unranked.sort(Comparator.comparing(Entry::code));
        entries.addAll(unranked);
        Map<String, Double> shown = new LinkedHashMap<>();
        weights.forEach((i, w) -> shown.put(i.key(), w));
        return new Ranking(kind, title, month, c.regionCode(), c.regionName(), shown,
                weights.keySet().stream().map(Indicator::label).toList(), entries, RULES);
    }

    Map<Indicator, Double> weights() {
        Map<Indicator, Double> weights = new LinkedHashMap<>();
        policy.rankingWeights().forEach((key, w) -> {
            Indicator i = Indicator.byKey(key);
            if (i != null && w > 0) {
                weights.put(i, w);
            }
        });
        return weights;
    }

    private static void add(Indicators.Counts sum, Indicators.Counts more) {
        more.denominators().forEach((a, n) -> sum.denominators().merge(a, n, Long::sum));
        more.numerators().forEach((i, n) -> sum.numerators().merge(i, n, Long::sum));
    }
}
