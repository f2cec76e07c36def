package cn.yousu.reporting;

import cn.yousu.casework.Channel;
import cn.yousu.identity.Actor;
import cn.yousu.organization.Organization;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.organization.Region;
import cn.yousu.policy.Categories;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.Validation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The indicators as the API and the pages show them: the caller's scope (offices and governments their region and
 * below, a unit its own cases as lead unit), the filter checked with every bad field named, each figure with its
 * definition and links to the cases behind its numerator and denominator.
 */
@Service
public class Statistics {

    static final int MAX_DAYS = 3 * 366;

    private final Indicators indicators;
    private final OrganizationDirectory directory;
    private final Clock clock;
    private final java.time.ZoneId zone;

    Statistics(Indicators indicators, OrganizationDirectory directory, Clock clock, java.time.ZoneId applicationZone) {
        this.indicators = indicators;
        this.directory = directory;
        this.clock = clock;
        this.zone = applicationZone;
    }

    /** The filter as it arrives from a query string. */
    public record Query(String regionCode, String unitCode, String categoryCode, String channel, String from,
            String to) {

        public static Query empty() {
            return new Query(null, null, null, null, null, null);
        }
    }

    /** A checked filter: the scope to count and how to describe it. */
    public record Checked(Indicators.Scope scope, String regionCode, String regionName, String unitCode,
            String unitName, String categoryCode, String channel, LocalDate from, LocalDate to) {
    }

    /** One figure: numerator, denominator (rates), value, its definition and the cases behind it. */
    public record Figure(String key, String label, boolean rate, long numerator, Long denominator, Double value,
            String display, String definition, String numeratorLabel, String denominatorLabel, String numeratorUrl,
            String denominatorUrl) {
    }

    public record Report(String regionCode, String regionName, String unitCode, String unitName, String categoryCode,
            String channel, LocalDate from, LocalDate to, List<Figure> indicators) {
    }

    /** Checks the filter against the caller's scope; 403 for callers without statistics, 400 naming each bad field. */
    public Checked check(Actor actor, Query q) {
        if (!(actor.inOffice() || actor.inGovernment() || actor.inUnit())) {
            throw ApiProblem.forbidden("只有营商办、政府领导和承办单位可以查看统计");
        }
        Validation v = Validation.start();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate from = date(q.from(), "from", v);
        LocalDate to = date(q.to(), "to", v);
        if (from == null && !v.has("from")) {
            from = YearMonth.from(today).atDay(1);
        }
        if (to == null && !v.has("to")) {
            to = from == null ? today : YearMonth.from(from).atEndOfMonth();
        }
        v.check(from != null && to != null && to.isBefore(from), "to", "结束日期不能早于开始日期");
        v.check(from != null && to != null && !to.isBefore(from) && from.plusDays(MAX_DAYS).isBefore(to), "to",
                "统计期间最长 3 年");
        Region region = null;
        if (actor.inUnit()) {
            v.check(!blank(q.regionCode()), "regionCode", "承办单位只能统计本单位牵头办理的诉求，不能按区域统计");
            v.check(!blank(q.unitCode()) && !q.unitCode().equals(actor.orgCode()), "unitCode",
                    "承办单位只能统计本单位牵头办理的诉求");
        } else {
            Region mine = directory.region(actor.regionCode()).orElse(null);
            if (mine == null) {
                throw ApiProblem.forbidden("您所在的组织没有所属区域，无法统计");
            }
            region = blank(q.regionCode()) ? mine : directory.region(q.regionCode().trim()).orElse(null);
            v.check(region == null, "regionCode", "区域不存在");
            v.check(region != null && !mine.contains(region), "regionCode", "只能统计本区域及下级区域");
        }
        String unit = actor.inUnit() ? actor.orgCode() : blankToNull(q.unitCode());
        Organization org = unit == null ? null : directory.organization(unit).orElse(null);
        v.check(unit != null && (org == null || !org.isUnit()), "unitCode", "承办单位不存在");
        v.check(!actor.inUnit() && org != null && org.isUnit()
                && !directory.isWithin(org.regionCode(), actor.regionCode()), "unitCode", "只能统计本区域及下级区域的单位");
        String category = blankToNull(q.categoryCode());
        v.check(category != null && !Categories.exists(category), "categoryCode", "诉求分类不存在");
        String channel = blankToNull(q.channel());
        if (channel != null) {
            try {
                Channel.valueOf(channel);
            } catch (IllegalArgumentException e) {
                v.add("channel", "渠道「" + channel + "」不存在");
            }
        }
        v.throwIfInvalid();
        List<String> codes = actor.inUnit() ? directory.regions().stream().map(Region::code).toList()
                : subtree(region);
        return new Checked(new Indicators.Scope(codes, unit, category, channel, from, to),
                region == null ? null : region.code(), region == null ? null : region.name(), unit,
                org == null ? null : org.name(), category, channel, from, to);
    }

    public Report report(Actor actor, Query q) {
        Checked c = check(actor, q);
        return report(c, indicators.compute(c.scope()));
    }

    Report report(Checked c, Indicators.Counts counts) {
        List<Figure> figures = new ArrayList<>();
        for (Indicator i : Indicator.values()) {
            figures.add(figure(i, counts, c, c.unitCode(), c.categoryCode(), c.channel()));
        }
        return new Report(c.regionCode(), c.regionName(), c.unitCode(), c.unitName(), c.categoryCode(), c.channel(),
                c.from(), c.to(), figures);
    }

    /** The figure of {@code i} for a group of a breakdown (unit, category, channel may narrow the checked scope). */
    Figure figure(Indicator i, Indicators.Counts counts, Checked c, String unit, String category, String channel) {
        return figure(i, counts, c, c.regionCode(), unit, category, channel);
    }

    Figure figure(Indicator i, Indicators.Counts counts, Checked c, String regionCode, String unit, String category,
            String channel) {
        Double value = counts.value(i);
        String display = value == null ? "—" : i.rate() ? String.format("%.1f%%", value * 100)
                : String.valueOf(counts.numerator(i));
        String base = casesUrl(regionCode, unit, category, channel, c.from(), c.to());
        return new Figure(i.key(), i.label(), i.rate(), counts.numerator(i), i.rate() ? counts.denominator(i) : null,
                value == null ? null : i.rate() ? Math.round(value * 10000) / 10000.0 : value, display,
                i.definition(), i.numeratorLabel(), i.rate() ? i.anchor().label() : null,
                base + "&measure=" + IndicatorMeasures.numerator(i),
                i.rate() ? base + "&measure=" + IndicatorMeasures.denominator(i) : null);
    }

    /** The case list (台账) with this scope and period; a measure is appended by the caller. */
    static String casesUrl(String regionCode, String unit, String category, String channel, LocalDate from,
            LocalDate to) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("regionCode", regionCode);
        p.put("unitCode", unit);
        p.put("categoryCode", category);
        p.put("channel", channel);
        p.put("from", from.toString());
        p.put("to", to.toString());
        StringBuilder url = new StringBuilder("/cases?");
        p.forEach((k, val) -> {
            if (val != null && !val.isEmpty()) {
                url.append(url.charAt(url.length() - 1) == '?' ? "" : "&").append(k).append('=')
                        .append(URLEncoder.encode(val, StandardCharsets.UTF_8));
            }
        });
        return url.toString();
    }

    /** A month as yyyy-MM (default: this month), 400 naming {@code month} when malformed. */
    public YearMonth month(String raw) {
        if (blank(raw)) {
            return YearMonth.now(clock.withZone(zone));
        }
        try {
            return YearMonth.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("month", "月份格式应为 YYYY-MM");
        }
    }

    List<String> subtree(Region top) {
        return directory.regions().stream().filter(top::contains).map(Region::code).toList();
    }

    private static LocalDate date(String raw, String field, Validation v) {
        if (blank(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            v.add(field, "日期格式应为 YYYY-MM-DD");
            return null;
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String blankToNull(String s) {
        return blank(s) ? null : s.trim();
    }
}
