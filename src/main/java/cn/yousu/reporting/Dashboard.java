package cn.yousu.reporting;

import cn.yousu.casework.Channel;
import cn.yousu.identity.Actor;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.policy.Categories;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What the dashboard shows for a filter: the indicators, the charts' data (trend by month, breakdowns by category and
 * channel, the units with the most overdue cases) with the link behind every bar and point, and the hot topics.
 */
@Service
public class Dashboard {

    static final int TREND_MONTHS = 12;

    private final Statistics statistics;
    private final Indicators indicators;
    private final HotTopics hotTopics;
    private final OrganizationDirectory directory;

    Dashboard(Statistics statistics, Indicators indicators, HotTopics hotTopics, OrganizationDirectory directory) {
        this.statistics = statistics;
        this.indicators = indicators;
        this.hotTopics = hotTopics;
        this.directory = directory;
    }

    /** A chart: categories along one axis, series of values, and where each value's cases are. */
    public record Chart(String id, String title, String type, List<String> categories, List<Series> series) {
    }

    public record Series(String name, String unit, List<Number> data, List<String> links) {
    }

    public record View(Statistics.Checked filter, Statistics.Report report, List<Chart> charts,
            HotTopics.Topics topics) {
    }

    public View of(Actor actor, Statistics.Query query) {
        Statistics.Checked c = statistics.check(actor, query);
        Statistics.Report report = statistics.report(c, indicators.compute(c.scope()));
        List<Chart> charts = List.of(trend(c), byCategory(c), byChannel(c), overdueUnits(c));
        return new View(c, report, charts, hotTopics.of(c));
    }

    private Chart trend(Statistics.Checked c) {
        YearMonth last = YearMonth.from(c.to());
        YearMonth first = last.minusMonths(TREND_MONTHS - 1);
        Map<YearMonth, Indicators.Counts> months = indicators.trend(c.scope(), first, last);
        List<String> labels = new ArrayList<>();
        Series registered = new Series("登记件数", "件", new ArrayList<>(), new ArrayList<>());
        Series closed = new Series("办结件数", "件", new ArrayList<>(), new ArrayList<>());
        Series onTime = new Series("按期办结率", "%", new ArrayList<>(), new ArrayList<>());
        Series satisfied = new Series("满意率", "%", new ArrayList<>(), new ArrayList<>());
        months.forEach((m, counts) -> {
            labels.add(m.toString());
            Statistics.Checked month = new Statistics.Checked(c.scope(), c.regionCode(), c.regionName(), c.unitCode(),
                    c.unitName(), c.categoryCode(), c.channel(), m.atDay(1), m.atEndOfMonth());
            add(registered, counts.registered(), statistics.figure(Indicator.RESPONSE_RATE, counts, month, c.unitCode(),
                    c.categoryCode(), c.channel()).denominatorUrl());
            add(closed, counts.denominator(Indicator.RESOLUTION_RATE), statistics.figure(Indicator.RESOLUTION_RATE,
                    counts, month, c.unitCode(), c.categoryCode(), c.channel()).denominatorUrl());
            add(onTime, percent(counts.value(Indicator.ON_TIME_RATE)), statistics.figure(Indicator.ON_TIME_RATE,
                    counts, month, c.unitCode(), c.categoryCode(), c.channel()).numeratorUrl());
            add(satisfied, percent(counts.value(Indicator.SATISFACTION_RATE)), statistics.figure(
                    Indicator.SATISFACTION_RATE, counts, month, c.unitCode(), c.categoryCode(), c.channel())
                    .numeratorUrl());
        });
        return new Chart("trend", "月度趋势", "trend", labels, List.of(registered, closed, onTime, satisfied));
    }

    private Chart byCategory(Statistics.Checked c) {
        return breakdown(c, Indicators.Dimension.CATEGORY, "category", "按诉求分类", Categories::name,
                code -> statistics.figure(Indicator.RESPONSE_RATE, Indicators.Counts.empty(), c, c.unitCode(), code,
                        c.channel()).denominatorUrl());
    }

    private Chart byChannel(Statistics.Checked c) {
        return breakdown(c, Indicators.Dimension.CHANNEL, "channel", "按来源渠道", code -> Channel.valueOf(code).label(),
                code -> statistics.figure(Indicator.RESPONSE_RATE, Indicators.Counts.empty(), c, c.unitCode(),
                        c.categoryCode(), code).denominatorUrl());
    }

    private Chart breakdown(Statistics.Checked c, Indicators.Dimension d, String id, String title,
            java.util.function.Function<String, String> label, java.util.function.Function<String, String> link) {
        Map<String, Indicators.Counts> groups = sorted(indicators.breakdown(c.scope(), d),
                Indicators.Counts::registered);
        Series registered = new Series("登记件数", "件", new ArrayList<>(), new ArrayList<>());
        List<String> labels = new ArrayList<>();
        groups.forEach((code, counts) -> {
            if (!code.isEmpty() && counts.registered() > 0) {
                labels.add(label.apply(code));
                add(registered, counts.registered(), link.apply(code));
            }
        });
        return new Chart(id, title, "bar", labels, List.of(registered));
    }

    private Chart overdueUnits(Statistics.Checked c) {
        Map<String, Indicators.Counts> groups = sorted(indicators.breakdown(c.scope(), Indicators.Dimension.UNIT),
                counts -> counts.numerator(Indicator.OVERDUE_COUNT));
        Series overdue = new Series("逾期件数", "件", new ArrayList<>(), new ArrayList<>());
        List<String> labels = new ArrayList<>();
        groups.entrySet().stream().filter(e -> !e.getKey().isEmpty() && e.getValue().numerator(Indicator.OVERDUE_COUNT) > 0)
                .limit(10).forEach(e -> {
                    labels.add(directory.organizationName(e.getKey()));
                    add(overdue, e.getValue().numerator(Indicator.OVERDUE_COUNT), statistics.figure(
                            Indicator.OVERDUE_COUNT, e.getValue(), c, e.getKey(), c.categoryCode(), c.channel())
                            .numeratorUrl());
                });
        return new Chart("overdue", "逾期件数最多的承办单位", "hbar", labels, List.of(overdue));
    }

    private static Map<String, Indicators.Counts> sorted(Map<String, Indicators.Counts> groups,
            java.util.function.ToLongFunction<Indicators.Counts> by) {
        Map<String, Indicators.Counts> out = new LinkedHashMap<>();
        groups.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Indicators.Counts> e) -> by.applyAsLong(e.getValue()))
                        .reversed().thenComparing(Map.Entry::getKey))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static void add(Series s, Number value, String link) {
        s.data().add(value);
        s.links().add(link);
    }

    private static Double percent(Double rate) {
        return rate == null ? null : Math.round(rate * 1000) / 10.0;
    }
}
